package org.gridtwin.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads the text files a user writes (scenarios, search files, CSV profiles) as UTF-8, strictly: a byte that is not
 * UTF-8 is an error that names its line and column instead of the JDK's "Input length = 1", and a byte-order mark
 * is dropped.
 */
public final class TextFile {
    private TextFile() {
    }

    /** A file that is not UTF-8, with where its first bad byte is (1-based; the column counts characters). */
    public static final class NotUtf8Exception extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        NotUtf8Exception(int line, int column, int badByte) {
            super(String.format(Locale.ROOT, "is not UTF-8 text: the byte 0x%02X at line %d, column %d does not "
                    + "start or continue a character (save the file as UTF-8)", badByte, line, column));
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** The same as one located problem of {@code file}. */
        public InvalidInputException asInput(String file) {
            return new InvalidInputException(List.of(new Problem(file, line, column, "(file)", null,
                    "is not UTF-8 text: the byte here does not start or continue a character (save the file as "
                            + "UTF-8)")));
        }
    }

    /**
     * A file the user named, as UTF-8 text; a missing, unreadable or non-UTF-8 file is an input error naming the
     * file (and the line and column of the first bad byte).
     */
    public static String readInput(Path file) {
        try {
            return readUtf8(file);
        } catch (NotUtf8Exception e) {
            throw e.asInput(file.toString());
        } catch (java.nio.file.NoSuchFileException e) {
            throw InvalidInputException.of(file.toString(), "(file)", null, "does not exist");
        } catch (IOException e) {
            throw InvalidInputException.of(file.toString(), "(file)", null, "cannot be read: " + e.getMessage());
        }
    }

    /** The file's text; {@link NotUtf8Exception} when a byte is not UTF-8, other IOExceptions as the JDK gives. */
    public static String readUtf8(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    static String decode(byte[] bytes) throws NotUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            int bad = in.position();
            out.flip();
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.limit(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            throw new NotUtf8Exception(line, column, bytes[bad] & 0xFF);
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
