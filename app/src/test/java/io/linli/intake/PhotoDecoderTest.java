package io.linli.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linli.system.ApiError;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Unit tier: the photo decoder's bounds — header dimensions, subsampled decode, decode permits. */
class PhotoDecoderTest {

  static byte[] png(int w, int h) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  @Test
  @DisplayName("超过像素上限：读文件头即拒，400 指明 photo")
  void tooManyPixelsRefusedFromTheHeader() throws Exception {
    PhotoDecoder decoder = new PhotoDecoder(10_000, 2048, 2, Duration.ZERO);
    assertThatThrownBy(() -> decoder.decode(png(101, 100)))
        .isInstanceOfSatisfying(
            ApiError.class, e -> assertThat(e.fields().get(0).field()).isEqualTo("photo"));
    assertThat(decoder.decode(png(100, 100)).getWidth()).isEqualTo(100);
  }

  @Test
  @DisplayName("大图按步长抽样解码，结果长边不超过 max-edge")
  void largeImagesDecodedSubsampled() throws Exception {
    BufferedImage img = new PhotoDecoder(40_000_000, 500, 2, Duration.ZERO).decode(png(1999, 1000));
    assertThat(img.getWidth()).isEqualTo(500);
    assertThat(img.getHeight()).isEqualTo(250);
  }

  @Test
  @DisplayName("解码许可用尽：Busy（503 + Retry-After），许可随后归还")
  void noPermitMeansBusy() throws Exception {
    PhotoDecoder decoder = new PhotoDecoder(40_000_000, 2048, 1, Duration.ZERO);
    byte[] png = png(10, 10);
    decoder.withPermit(
        () -> {
          assertThatThrownBy(() -> decoder.decode(png)).isInstanceOf(PhotoDecoder.Busy.class);
          return null;
        });
    assertThat(decoder.decode(png).getWidth()).isEqualTo(10);
  }
}
