package dev.storyline.clean.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as sites print them: {@code Last Updated : Aug 20 2025 | 3:57 PM IST}, {@code First Published: ...},
 * {@code date 2025-08-20}, and the ISO-8601 forms of meta tags. Results are ISO-8601, with the offset when known.
 * Time-zone abbreviations come from {@code extract/timezones.txt}.
 */
final class Stamps {

    private static final Map<String, String> MONTHS = new HashMap<>();
    private static final Map<String, ZoneOffset> ZONES = loadZones();
    private static final Pattern TEXT_STAMP = Pattern.compile(
            "(?<kind>first published|published|posted|last updated|updated)?\\s*:?\\s*"
                    + "(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+(?<day>\\d{1,2}),?\\s+(?<year>\\d{4})"
                    + "(?:\\s*[|,]?\\s*(?:at\\s+)?(?<h>\\d{1,2}):(?<m>\\d{2})\\s*(?<ampm>am|pm)?\\s*(?<tz>[a-z]{1,5})?\\b)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})(T[0-9:.]+(?:Z|[+-]\\d{2}:?\\d{2})?)?");

    static {
        String[] names = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
        for (int i = 0; i < names.length; i++) {
            MONTHS.put(names[i], String.format("%02d", i + 1));
        }
        MONTHS.put("sept", "09");
    }

    private Stamps() {
    }

    /** A visible stamp found in a line, or null. {@code published} tells a publication stamp from an update. */
    record Found(String iso, boolean published) {
    }

    static Found inLine(String line) {
        if (!hasDigit(line)) {
            return null;
        }
        Matcher m = TEXT_STAMP.matcher(line);
        if (m.find()) {
            String kind = m.group("kind") == null ? "" : m.group("kind").toLowerCase(Locale.ROOT);
            LocalDate date;
            try {
                date = LocalDate.parse(m.group("year") + "-" + MONTHS.get(m.group("mon").toLowerCase(Locale.ROOT)) + "-"
                        + String.format("%02d", Integer.parseInt(m.group("day"))));
            } catch (DateTimeParseException e) {
                return null;
            }
            String iso = date.toString();
            if (m.group("h") != null) {
                int hour = Integer.parseInt(m.group("h"));
                String ampm = m.group("ampm");
                if (ampm != null) {
                    hour = hour % 12 + (ampm.equalsIgnoreCase("pm") ? 12 : 0);
                }
                ZoneOffset zone = m.group("tz") == null ? null : ZONES.get(m.group("tz").toUpperCase(Locale.ROOT));
                if (hour < 24 && zone != null) {
                    iso = OffsetDateTime.of(LocalDateTime.of(date, LocalTime.of(hour, Integer.parseInt(m.group("m")))), zone)
                            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                }
            }
            return new Found(iso, !kind.contains("updated"));
        }
        Matcher iso = ISO_DATE.matcher(line);
        if (iso.find() && line.toLowerCase(Locale.ROOT).matches(".*\\b(date|dated|published|posted)\\b.*")) {
            return new Found(normalizeIso(iso.group()), true);
        }
        return null;
    }

    /** Every stamp has a year: a line without a digit is not tried against the patterns. */
    private static boolean hasDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isDigit(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** An ISO-8601 value from metadata, tidied (offset kept, seconds kept); null when it is not a date. */
    static String normalizeIso(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException ignored) {
            // not a date-time with offset
        }
        try {
            return OffsetDateTime.parse(v, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXX"))
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException ignored) {
            // not with a compact offset either
        }
        Matcher m = ISO_DATE.matcher(v);
        if (m.find()) {
            try {
                LocalDate.parse(m.group(1));
                return m.group(1);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Found f = inLine(v);
        return f == null ? null : f.iso();
    }

    private static Map<String, ZoneOffset> loadZones() {
        Map<String, ZoneOffset> zones = new HashMap<>();
        try (InputStream in = Stamps.class.getResourceAsStream("/extract/timezones.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\t");
                    zones.put(parts[0].strip(), ZoneOffset.of(parts[1].strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zones;
    }
}
