package org.pingzhi.admin.kibana;

/** A panel's place on the dashboard's 48-column grid (rows of about 20 px). */
public record Grid(int x, int y, int w, int h) {

    public static final int COLUMNS = 48;

    public Grid {
        if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > COLUMNS) {
            throw new IllegalArgumentException("not on the grid: " + this);
        }
    }
}
