package org.pingzhi.simulate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Synthetic personal data shaped like the real thing, so that masking and caller matching are
 * exercised: names, mobile and landline numbers, 18-character ID numbers with a valid check
 * character, licence plates. A small pool of repeat callers calls again and again.
 */
final class People {

    static final String NAMES_RESOURCE = "/simulate/names.tsv";

    private static final List<String> MOBILE_PREFIXES =
            List.of(
                    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151",
                    "152", "157", "158", "159", "177", "180", "182", "183", "186", "187", "188",
                    "189", "198", "199");
    private static final int REPEAT_CALLERS = 200;
    private static final double REPEAT_CALL_SHARE = 0.08;
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    private final String surnames;
    private final String givenNames;
    private final List<Caller> repeatCallers = new ArrayList<>();

    /**
     * @param poolSeed the seed of this run's repeat callers
     */
    People(long poolSeed) {
        Map<String, String> characters = new HashMap<>();
        for (String[] row : Tsv.rows(NAMES_RESOURCE, 2)) {
            characters.put(row[0], row[1]);
        }
        surnames = required(characters, "surnames");
        givenNames = required(characters, "given");
        Dice poolDice = new Dice(poolSeed);
        for (int i = 0; i < REPEAT_CALLERS; i++) {
            repeatCallers.add(new Caller(fullName(poolDice), mobile(poolDice)));
        }
    }

    private static String required(Map<String, String> characters, String kind) {
        String found = characters.get(kind);
        if (found == null || found.isEmpty()) {
            throw new IllegalStateException(NAMES_RESOURCE + " has no '" + kind + "' row");
        }
        return found;
    }

    /** A caller: a new one, or (now and then, more often the first of the pool) a repeat caller. */
    Caller caller(Dice dice) {
        if (dice.chance(REPEAT_CALL_SHARE)) {
            double skew = dice.fraction();
            return repeatCallers.get((int) (skew * skew * REPEAT_CALLERS));
        }
        double nameKind = dice.fraction();
        String name =
                nameKind < 0.6
                        ? fullName(dice)
                        : nameKind < 0.8 ? politeName(dice) : null; // anonymous callers
        double phoneKind = dice.fraction();
        String phone = phoneKind < 0.85 ? mobile(dice) : phoneKind < 0.97 ? landline(dice) : null;
        return new Caller(name, phone);
    }

    String fullName(Dice dice) {
        StringBuilder name = new StringBuilder(3).append(surname(dice));
        name.append(givenNames.charAt(dice.index(givenNames.length())));
        if (dice.chance(0.7)) {
            name.append(givenNames.charAt(dice.index(givenNames.length())));
        }
        return name.toString();
    }

    private String politeName(Dice dice) {
        return surname(dice) + (dice.chance(0.5) ? "先生" : "女士");
    }

    private char surname(Dice dice) {
        return surnames.charAt(dice.index(surnames.length()));
    }

    String mobile(Dice dice) {
        return dice.pick(MOBILE_PREFIXES) + dice.digits(8);
    }

    /** A Pinghu landline: area code 0573, local numbers 85xxxxxx. */
    String landline(Dice dice) {
        return "0573-85" + dice.digits(6);
    }

    /** A resident ID number of Pinghu (330482), born 1950–2005, with its check character. */
    String idNumber(Dice dice) {
        int year = (int) dice.between(1950, 2005);
        int month = (int) dice.between(1, 12);
        int day = (int) dice.between(1, 28);
        String body =
                String.format(
                        Locale.ROOT, "330482%04d%02d%02d%s", year, month, day, dice.digits(3));
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return body + ID_CHECK.charAt(sum % 11);
    }

    /** A Jiaxing (浙F) licence plate. */
    String plate(Dice dice) {
        return "浙F" + PLATE_LETTERS.charAt(dice.index(PLATE_LETTERS.length())) + dice.digits(4);
    }
}
