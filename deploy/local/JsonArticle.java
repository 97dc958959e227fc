import java.nio.file.Files;
import java.nio.file.Path;

/** Prints {"externalId": ARG0, "source": "seeds", "text": <file ARG1>} as JSON; used by up.sh (java source launcher). */
public class JsonArticle {
    public static void main(String[] args) throws Exception {
        System.out.print("{\"externalId\":" + quote(args[0]) + ",\"source\":\"seeds\",\"text\":"
                + quote(Files.readString(Path.of(args[1]))) + "}");
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
