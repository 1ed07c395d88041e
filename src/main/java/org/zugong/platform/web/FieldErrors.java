package org.zugong.platform.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.validation.BindingResult;

/**
 * Domain validation that failed on named fields. Pages show each message under its field; the API
 * answers 400 with the list in the problem's {@code errors}.
 */
public class FieldErrors extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final List<FieldError> errors;

    public FieldErrors(List<FieldError> errors) {
        super(errors.isEmpty() ? "输入有误" : errors.getFirst().message());
        this.errors = List.copyOf(errors);
    }

    public static FieldErrors of(String field, String message) {
        return new FieldErrors(List.of(new FieldError(field, message)));
    }

    /** All messages as one line, for a flash message at the top of a page. */
    public String summary() {
        return String.join("；", errors.stream().map(FieldError::message).toList());
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Copies the errors into a form's binding result so the page shows them at their fields. */
    public void copyTo(BindingResult binding) {
        for (FieldError e : errors) {
            // The version is a hidden field: its message must show at the top of the form.
            if (!"version".equals(e.field()) && binding.getTarget() != null && hasField(binding, e.field())) {
                binding.rejectValue(e.field(), "invalid", e.message());
            } else {
                binding.reject("invalid", e.message());
            }
        }
    }

    private static boolean hasField(BindingResult binding, String field) {
        try {
            binding.getFieldType(field);
            return binding.getFieldType(field) != null;
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /** Collects errors and throws them together. */
    public static final class Collector {
        private final List<FieldError> errors = new ArrayList<>();

        public Collector add(String field, String message) {
            errors.add(new FieldError(field, message));
            return this;
        }

        public boolean isEmpty() {
            return errors.isEmpty();
        }

        public boolean hasField(String field) {
            return errors.stream().anyMatch(e -> e.field().equals(field));
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new FieldErrors(errors);
            }
        }
    }
}
