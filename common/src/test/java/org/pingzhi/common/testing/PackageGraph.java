package org.pingzhi.common.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Which package of a module uses which, read from the compiled classes' constant pools (class
 * references, descriptors and generic signatures, so an import that javac folds away or a fully
 * qualified name counts too, a Javadoc link does not), and the package cycles in it.
 */
public final class PackageGraph {

    private static final Pattern CLASS_NAME = Pattern.compile("org/pingzhi/[A-Za-z0-9_$/]+");

    private final Map<String, Set<String>> uses;

    private PackageGraph(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    /**
     * The graph of the packages under {@code rootPackage} in the classes folder (or jar) that holds
     * {@code member}.
     */
    public static PackageGraph of(Class<?> member, String rootPackage) {
        Map<String, Set<String>> uses = new TreeMap<>();
        String root = rootPackage.replace('.', '/') + "/";
        String rootPrefix = rootPackage + ".";
        try {
            Path location =
                    Path.of(member.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        try (InputStream in = Files.newInputStream(file)) {
                            add(uses, root, rootPrefix, location.relativize(file).toString(), in);
                        }
                    }
                }
            } else {
                try (ZipInputStream jar = new ZipInputStream(Files.newInputStream(location))) {
                    for (ZipEntry entry; (entry = jar.getNextEntry()) != null; ) {
                        if (entry.getName().endsWith(".class")) {
                            add(uses, root, rootPrefix, entry.getName(), jar);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new PackageGraph(uses);
    }

    /** The packages found, each with the packages (under the root) it uses. */
    public Map<String, Set<String>> uses() {
        return uses;
    }

    /** Every set of packages that depend on each other (strongly connected, more than one). */
    public Set<Set<String>> cycles() {
        return new Tarjan().components();
    }

    private static void add(
            Map<String, Set<String>> uses,
            String root,
            String rootPrefix,
            String path,
            InputStream in)
            throws IOException {
        String className = path.replace('\\', '/');
        if (!className.startsWith(root)) {
            return;
        }
        String from = packageOf(className);
        Set<String> targets = uses.computeIfAbsent(from, p -> new TreeSet<>());
        for (String text : utf8Constants(new DataInputStream(in))) {
            Matcher name = CLASS_NAME.matcher(text);
            while (name.find()) {
                String to = packageOf(name.group());
                if (!to.equals(from) && (to + ".").startsWith(rootPrefix)) {
                    targets.add(to);
                }
            }
        }
    }

    private static String packageOf(String classPath) {
        return classPath.substring(0, classPath.lastIndexOf('/')).replace('/', '.');
    }

    /** The UTF-8 entries of a class file's constant pool (JVMS 4.4). */
    private static List<String> utf8Constants(DataInputStream in) throws IOException {
        in.skipNBytes(8);
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 15 -> in.skipNBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    index++;
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return texts;
    }

    /** Tarjan's strongly connected components. */
    private final class Tarjan {
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final Set<Set<String>> components = new HashSet<>();

        Set<Set<String>> components() {
            for (String node : uses.keySet()) {
                if (!index.containsKey(node)) {
                    visit(node);
                }
            }
            return components;
        }

        private void visit(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
            for (String next : uses.getOrDefault(node, Set.of())) {
                if (!index.containsKey(next)) {
                    visit(next);
                    low.put(node, Math.min(low.get(node), low.get(next)));
                } else if (onStack.contains(next)) {
                    low.put(node, Math.min(low.get(node), index.get(next)));
                }
            }
            if (low.get(node).equals(index.get(node))) {
                Set<String> component = new TreeSet<>();
                String member;
                do {
                    member = stack.pop();
                    onStack.remove(member);
                    component.add(member);
                } while (!member.equals(node));
                if (component.size() > 1) {
                    components.add(component);
                }
            }
        }
    }
}
