package io.csc.chat.knowledge;

/** Unit vectors as stored in PostgreSQL ({@code bytea}, float32 little-endian) and compared (cosine = dot product). */
public final class Vectors {
    private Vectors() {
    }

    public static io.vertx.core.buffer.Buffer toBytes(float[] v) {
        return v == null ? null : KnowledgeRepository.toBytes(v);
    }

    public static float[] toFloats(io.vertx.core.buffer.Buffer bytes) {
        return bytes == null ? null : KnowledgeRepository.toFloats(bytes.getBytes());
    }

    /** The cosine of two unit vectors of the same model; 0 when either is missing. */
    public static double cosine(float[] a, float[] b) {
        return a == null || b == null ? 0 : KnowledgeService.dot(a, b);
    }
}
