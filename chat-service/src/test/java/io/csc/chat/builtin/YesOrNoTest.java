package io.csc.chat.builtin;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.csc.chat.understanding.Language;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A yes/no question answered from a page starts with the yes or the no, in the shopper's language. */
class YesOrNoTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "do you accept checks?|We do not accept checks.|EN|No.",
            "can sale items be returned?|Sale items can be returned too; gift cards and opened products cannot.|EN|Yes.",
            "is there a warranty on electronics?|Electronics come with a one-year limited warranty.|EN|Yes.",
            "do you ship to Japan?|Standard delivery takes 3-5 business days in the US.|EN|''",
            "is gift wrapping available|Not yet. You can add a note to your order.|EN|''",
            "can I cancel my order?|Yes, as long as it has not shipped.|EN|''",
            "who pays customs on my order|These are paid by the recipient.|EN|''",
            "how long do I have to return an item?|You can return any unused item within 30 days.|EN|''",
            "Gibt es eine Garantie?|Es gibt eine Garantie von einem Jahr.|DE|Ja.",
            "¿Aceptan cheques?|Los cheques no se aceptan.|ES|No.",
            "Est-ce que les chèques sont acceptés ?|Les chèques ne sont pas acceptés.|FR|Non.",
            "Gibt es eine Garantie auf Elektronik?|Electronics come with a one-year limited warranty.|DE|''"})
    void startsWithTheYesOrTheNo(String question, String answer, Language lang, String expected) {
        assertEquals(expected, BuiltinAssistant.yesOrNo(question, answer, lang).strip());
    }
}
