package org.gridtwin.model;

/**
 * How a PV array is mounted: fixed at the array's tilt and azimuth, or on single-axis trackers.
 *
 * @param type             fixed or single-axis
 * @param axisTiltDeg      tilt of the tracker axis from horizontal
 * @param axisAzimuthDeg   direction the axis points, clockwise from north (180 = north–south axis)
 * @param maxAngleDeg      largest rotation either side of flat
 * @param backtrack        whether rows rotate back to avoid shading each other at low sun
 * @param groundCoverRatio module width / row pitch, used by backtracking
 */
public record Mounting(Type type, double axisTiltDeg, double axisAzimuthDeg, double maxAngleDeg, boolean backtrack,
        double groundCoverRatio) {

    public static final Mounting FIXED = new Mounting(Type.FIXED, 0, 180, 0, false, 0);

    public enum Type implements KeyedEnum {
        FIXED("fixed"), SINGLE_AXIS("single_axis");

        private final String key;

        Type(String key) {
            this.key = key;
        }

        @Override
        public String key() {
            return key;
        }
    }
}
