package io.csc.chat.live;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A store's opening hours per weekday in its own time zone: {@code {"mon":[["09:00","17:00"]], ..., "sun":[]}}. A range
 * is start (inclusive) to end (exclusive); {@code "24:00"} ends at midnight. Ranges do not cross midnight: a night shift
 * is two ranges on two days.
 */
public record BusinessHours(Map<DayOfWeek, List<Range>> days) {
    static final String[] KEYS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

    /** Minutes since midnight, start inclusive, end exclusive (1440 = midnight at the end of the day). */
    public record Range(int start, int end) {
    }

    /** Monday to Friday, 09:00 to 17:00: what a store gets before its admin sets hours. */
    public static BusinessHours officeHours() {
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d, d.getValue() <= 5 ? List.of(new Range(9 * 60, 17 * 60)) : List.of());
        }
        return new BusinessHours(days);
    }

    /**
     * Reads the JSON shape; a missing day is closed. Throws {@link IllegalArgumentException} with a message for people
     * on an unknown day, a malformed time or a range that does not end after it starts.
     */
    public static BusinessHours parse(Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("hours must be an object of weekdays (mon..sun)");
        }
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d, List.of());
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            DayOfWeek day = day(String.valueOf(e.getKey()));
            if (!(e.getValue() instanceof List<?> ranges)) {
                throw new IllegalArgumentException("hours." + e.getKey() + " must be a list of [\"HH:MM\",\"HH:MM\"]");
            }
            List<Range> parsed = new ArrayList<>();
            for (Object r : ranges) {
                if (!(r instanceof List<?> pair) || pair.size() != 2) {
                    throw new IllegalArgumentException("hours." + e.getKey() + " must be a list of [\"HH:MM\",\"HH:MM\"]");
                }
                int start = minutes(pair.get(0));
                int end = minutes(pair.get(1));
                if (end <= start || start >= 1440) {
                    throw new IllegalArgumentException("hours." + e.getKey() + ": a range must end after it starts");
                }
                parsed.add(new Range(start, end));
            }
            if (parsed.size() > 8) {
                throw new IllegalArgumentException("hours." + e.getKey() + ": at most 8 ranges a day");
            }
            days.put(day, List.copyOf(parsed));
        }
        return new BusinessHours(days);
    }

    private static DayOfWeek day(String key) {
        for (int i = 0; i < KEYS.length; i++) {
            if (KEYS[i].equals(key.toLowerCase(Locale.ROOT))) {
                return DayOfWeek.of(i + 1);
            }
        }
        throw new IllegalArgumentException("hours: unknown day '" + key + "' (mon, tue, wed, thu, fri, sat, sun)");
    }

    private static int minutes(Object value) {
        String s = value == null ? "" : value.toString();
        if ("24:00".equals(s)) {
            return 1440;
        }
        if (!s.matches("[0-2][0-9]:[0-5][0-9]")) {
            throw new IllegalArgumentException("hours: '" + s + "' is not a time HH:MM");
        }
        try {
            LocalTime t = LocalTime.parse(s);
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("hours: '" + s + "' is not a time HH:MM");
        }
    }

    /** Whether the store is open at this moment of its own time zone. */
    public boolean isOpen(ZonedDateTime at) {
        int minute = at.getHour() * 60 + at.getMinute();
        for (Range r : days.getOrDefault(at.getDayOfWeek(), List.of())) {
            if (minute >= r.start() && minute < r.end()) {
                return true;
            }
        }
        return false;
    }

    /** The JSON shape {@link #parse} reads. */
    public Map<String, List<List<String>>> toJson() {
        Map<String, List<List<String>>> out = new LinkedHashMap<>();
        for (int i = 0; i < KEYS.length; i++) {
            List<List<String>> ranges = new ArrayList<>();
            for (Range r : days.getOrDefault(DayOfWeek.of(i + 1), List.of())) {
                ranges.add(List.of(time(r.start()), time(r.end())));
            }
            out.put(KEYS[i], ranges);
        }
        return out;
    }

    private static String time(int minutes) {
        return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
