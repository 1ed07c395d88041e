package org.zugong.person;

/**
 * A tab another module adds to the person page. {@code urlTemplate} contains {@code {id}} and returns
 * an HTML fragment (loaded with htmx when the tab opens).
 */
public record PersonDetailTab(String key, String label, String urlTemplate, String permission, int order) {

    public String url(long personId) {
        return urlTemplate.replace("{id}", Long.toString(personId));
    }
}
