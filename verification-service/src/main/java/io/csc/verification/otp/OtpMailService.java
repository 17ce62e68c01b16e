package io.csc.verification.otp;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import io.csc.model.tenant.TenantSettings;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.mutiny.Uni;

/** The code mail, HTML and text ({@code templates/OtpMailService/otpCode.html|txt}), in the store's name. */
@ApplicationScoped
public class OtpMailService {

    @CheckedTemplate
    static class Templates {
        static native MailTemplateInstance otpCode(String code, long validityMinutes, String storeName);
    }

    public Uni<Void> send(String to, String code, Duration validity, TenantSettings tenant) {
        String storeName = storeName(tenant);
        MailTemplateInstance mail = Templates.otpCode(code, Math.max(1, validity.toMinutes()), storeName)
                .to(to)
                .subject("Your " + storeName + " verification code");
        if (tenant.supportEmail() != null && !tenant.supportEmail().isBlank()) {
            mail = mail.replyTo(tenant.supportEmail());
        }
        return mail.send();
    }

    static String storeName(TenantSettings tenant) {
        if (tenant.storeName() != null && !tenant.storeName().isBlank()) {
            return tenant.storeName().strip();
        }
        return tenant.domain();
    }
}
