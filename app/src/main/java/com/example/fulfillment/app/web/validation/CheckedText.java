package com.example.fulfillment.app.web.validation;

import com.example.fulfillment.app.web.SafeText;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Text that must pass a {@link Rule}; null is valid (combine with {@code @NotNull}). One constraint
 * for all such rules, so a new rule is one enum constant, not another annotation type.
 */
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CheckedText.Validator.class)
public @interface CheckedText {

  Rule value();

  /** Empty: the rule's own message. */
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  enum Rule {
    /** Text without control characters and without unpaired surrogates (any other Unicode). */
    PRINTABLE("must not contain control characters or broken Unicode", SafeText::isPrintable),
    /** An ISO 3166-1 alpha-2 country code, upper case ({@link Locale#getISOCountries()}). */
    ISO_COUNTRY(
        "must be an ISO 3166-1 alpha-2 country code, e.g. DE",
        Set.of(Locale.getISOCountries())::contains);

    private final String message;
    private final Predicate<String> test;

    Rule(final String message, final Predicate<String> test) {
      this.message = message;
      this.test = test;
    }
  }

  class Validator implements ConstraintValidator<CheckedText, String> {
    private Rule rule;
    private String message;

    @Override
    public void initialize(final CheckedText annotation) {
      rule = annotation.value();
      message = annotation.message().isEmpty() ? rule.message : annotation.message();
    }

    @Override
    public boolean isValid(final String value, final ConstraintValidatorContext context) {
      if (value == null || rule.test.test(value)) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
      return false;
    }
  }
}
