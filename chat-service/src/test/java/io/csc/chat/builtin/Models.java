package io.csc.chat.builtin;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/** One real embedding model for all plain unit tests of the package (it takes ~0.7 s to load). */
final class Models {

    private static Understander understander;

    private Models() {
    }

    static synchronized Understander understander() {
        if (understander == null) {
            AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();
            IntentEmbeddings e = new IntentEmbeddings(t -> model.embed(t).content().vector(), 1000);
            understander = new Understander(e, BuiltinConfigDefaults.MIN_SCORE, BuiltinConfigDefaults.MIN_MARGIN);
        }
        return understander;
    }
}
