package org.pingzhi.simulate;

/** Who called: synthetic, but shaped like the real thing. Either part may be unknown (null). */
record Caller(String name, String phone) {}
