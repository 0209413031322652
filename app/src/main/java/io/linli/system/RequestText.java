package io.linli.system;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one text rule ({@link TextInput}) on every string a request hands to the app's controllers:
 * JSON bodies (a string deserializer on Spring MVC's JSON converter only, so Bean Validation's
 * {@code @Size} sees the NFC text), and query parameters, form fields, path variables and headers
 * bound by Spring MVC (an editor for {@code String} on every binder). A refused string is a 400
 * naming the field ({@link ApiExceptionHandler}); nothing reaches a service or PostgreSQL.
 * Integration tier: BadInputTest, BadInputCorpusTest.
 */
@Configuration
@ControllerAdvice
class RequestText implements WebMvcConfigurer {

  @InitBinder
  void textRule(WebDataBinder binder) {
    binder.registerCustomEditor(String.class, new Editor());
  }

  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    for (HttpMessageConverter<?> c : converters) {
      if (c instanceof MappingJackson2HttpMessageConverter jackson) {
        ObjectMapper withRule = jackson.getObjectMapper().copy();
        withRule.registerModule(
            new SimpleModule("linli-text-rule").addDeserializer(String.class, new Text()));
        jackson.setObjectMapper(withRule);
      }
    }
  }

  /** Binder conversion: a refusal becomes a type mismatch naming the parameter. */
  static class Editor extends PropertyEditorSupport {
    @Override
    public void setAsText(String text) {
      setValue(TextInput.normalise(text));
    }

    @Override
    public String getAsText() {
      Object v = getValue();
      return v == null ? "" : v.toString();
    }
  }

  /** JSON strings; a refusal is a mismatched input at the field's path, its cause the refusal. */
  static class Text extends StdScalarDeserializer<String> {
    Text() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = StringDeserializer.instance.deserialize(p, ctxt);
      try {
        return TextInput.normalise(s);
      } catch (TextInput.Refused e) {
        MismatchedInputException m = MismatchedInputException.from(p, String.class, e.getMessage());
        m.initCause(e);
        throw m;
      }
    }
  }
}
