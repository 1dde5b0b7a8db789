package dev.codearena.command.auth;

import java.util.Locale;
import java.util.Map;

/**
 * Who an OAuth2 provider says signed in: its stable subject, a handle to start from, and an e-mail
 * address only when the provider vouches that the user proved it (Google's {@code email_verified});
 * GitHub's profile e-mail is not vouched for and is not used.
 */
record ProviderIdentity(String provider, String subject, String suggestedHandle, String verifiedEmail) {

    static final String GITHUB = "github";
    static final String GOOGLE = "google";

    static ProviderIdentity of(String provider, Map<String, Object> attributes) {
        String id = provider.toLowerCase(Locale.ROOT);
        if (GOOGLE.equals(id)) {
            Object sub = attributes.get("sub");
            String email = text(attributes.get("email"));
            boolean verified = Boolean.TRUE.equals(attributes.get("email_verified"))
                    || "true".equals(String.valueOf(attributes.get("email_verified")));
            String name = text(attributes.get("given_name"));
            if (name == null) {
                name = text(attributes.get("name"));
            }
            if (name == null && email != null) {
                name = email.substring(0, email.indexOf('@') > 0 ? email.indexOf('@') : email.length());
            }
            return new ProviderIdentity(id, required(sub, "sub"), name, verified ? email : null);
        }
        // GitHub and providers shaped like it: numeric "id" (stable; "login" can be renamed)
        return new ProviderIdentity(id, required(attributes.get("id"), "id"), text(attributes.get("login")), null);
    }

    private static String required(Object value, String attribute) {
        String text = text(value);
        if (text == null) {
            throw new IllegalArgumentException("the provider's user info has no '" + attribute + "'");
        }
        return text;
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).trim();
    }
}
