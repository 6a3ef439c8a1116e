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

/** Text without control characters and without unpaired surrogates (any other Unicode is fine). */
@Target({
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.PARAMETER,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Printable.Validator.class)
public @interface Printable {

  String message() default "must not contain control characters or broken Unicode";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Null is valid (combine with {@code @NotNull}). */
  class Validator implements ConstraintValidator<Printable, String> {
    @Override
    public boolean isValid(final String value, final ConstraintValidatorContext context) {
      return value == null || SafeText.isPrintable(value);
    }
  }
}
