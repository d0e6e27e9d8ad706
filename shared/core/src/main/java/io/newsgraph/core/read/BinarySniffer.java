package io.newsgraph.core.read;

/** Recognises binary content: file-format magic numbers, and too many control or NUL bytes for text. */
final class BinarySniffer {

    private BinarySniffer() {
    }

    /** Signatures at offset 0, with the kind they name (from the formats' published specifications). */
    private static final Object[][] MAGIC = {
            {"PDF", new int[] {'%', 'P', 'D', 'F', '-'}},
            {"PNG", new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}},
            {"JPEG", new int[] {0xFF, 0xD8, 0xFF}},
            {"GIF", new int[] {'G', 'I', 'F', '8'}},
            {"ZIP (or DOCX/XLSX/ODT/JAR)", new int[] {'P', 'K', 0x03, 0x04}},
            {"ZIP (empty archive)", new int[] {'P', 'K', 0x05, 0x06}},
            {"ZIP (spanned archive)", new int[] {'P', 'K', 0x07, 0x08}},
            {"GZIP", new int[] {0x1F, 0x8B}},
            {"BZIP2", new int[] {'B', 'Z', 'h'}},
            {"XZ", new int[] {0xFD, '7', 'z', 'X', 'Z', 0x00}},
            {"Zstandard", new int[] {0x28, 0xB5, 0x2F, 0xFD}},
            {"7-Zip", new int[] {'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}},
            {"RAR", new int[] {'R', 'a', 'r', '!', 0x1A, 0x07}},
            {"OLE2 (DOC/XLS/PPT/MSG)", new int[] {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}},
            {"ELF executable", new int[] {0x7F, 'E', 'L', 'F'}},
            {"Java class", new int[] {0xCA, 0xFE, 0xBA, 0xBE}},
            {"WebAssembly", new int[] {0x00, 'a', 's', 'm'}},
            {"RIFF (WAV/AVI/WEBP)", new int[] {'R', 'I', 'F', 'F'}},
            {"Ogg", new int[] {'O', 'g', 'g', 'S'}},
            {"FLAC", new int[] {'f', 'L', 'a', 'C'}},
            {"MP3 (ID3)", new int[] {'I', 'D', '3', -1, -1}},
            {"TIFF", new int[] {'I', 'I', 0x2A, 0x00}},
            {"TIFF", new int[] {'M', 'M', 0x00, 0x2A}},
            {"SQLite", new int[] {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't'}},
            {"Windows executable", new int[] {'M', 'Z', 0x90, 0x00}},
            {"Mach-O executable", new int[] {0xCF, 0xFA, 0xED, 0xFE}},
            {"ICO", new int[] {0x00, 0x00, 0x01, 0x00}},
    };

    /** The kind of binary file the first bytes announce, or null. */
    static String magicKind(byte[] b) {
        for (Object[] entry : MAGIC) {
            int[] signature = (int[]) entry[1];
            if (matches(b, 0, signature)) {
                return (String) entry[0];
            }
        }
        // ISO base media (MP4, MOV, HEIC): a box size, then "ftyp" at offset 4.
        if (matches(b, 4, new int[] {'f', 't', 'y', 'p'})) {
            return "MP4/ISO media";
        }
        return null;
    }

    private static boolean matches(byte[] b, int offset, int[] signature) {
        if (b.length < offset + signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (signature[i] >= 0 && (b[offset + i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Text has (almost) no C0 control bytes other than tab, line feed, carriage return, form feed and escape;
     * random or compressed bytes have about one in nine. More than 1% (any NUL counts) means binary.
     */
    static boolean tooManyControlBytes(byte[] b) {
        long controls = 0;
        for (byte value : b) {
            int c = value & 0xFF;
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x0B && c != 0x1B) {
                controls++;
            } else if (c == 0x7F) {
                controls++;
            }
        }
        return controls > b.length / 100;
    }
}
