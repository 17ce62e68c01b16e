package io.csc.verification.support;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

/** Reads what the mailer really delivered over SMTP. */
public final class Mails {
    private static final Pattern CODE = Pattern.compile("(?m)^\\s*([0-9]{6})\\s*$");

    private Mails() {
    }

    /** Waits for the mails to {@code to} (sent in the background) and answers those received, oldest first. */
    public static List<MimeMessage> awaitFor(GreenMail greenMail, String to, int count) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (true) {
            List<MimeMessage> mine = to(greenMail, to);
            if (mine.size() >= count || System.currentTimeMillis() > deadline) {
                return mine;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return mine;
            }
        }
    }

    public static List<MimeMessage> to(GreenMail greenMail, String to) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(to));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** The text part's code line. */
    public static String code(MimeMessage mail) {
        Matcher m = CODE.matcher(part(mail, "text/plain"));
        if (!m.find()) {
            throw new AssertionError("no code in the mail's text part");
        }
        return m.group(1);
    }

    public static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
