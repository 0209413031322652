package io.linli.intake;

import io.linli.system.ApiError;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decodes an uploaded photo with its cost bounded before any pixel is read:
 *
 * <ol>
 *   <li>the dimensions come from the image header (an {@link ImageReader} on the first image, no
 *       pixels read); more than {@code linli.intake.photos.max-pixels} (default 40 megapixels) is a
 *       400 naming {@code photo} — a 30000 × 30000 PNG of 110 KB would need gigabytes;
 *   <li>the decode reads every n-th pixel ({@link ImageReadParam#setSourceSubsampling}) so the
 *       decoded raster is under twice {@code max-edge} per side: at most (2 × 2048)² pixels of at
 *       most 8 bytes, about 128 MB, whatever the upload's size;
 *   <li>at most {@code linli.intake.photos.max-decodes} (default 2) decodes run at once per node;
 *       an upload that gets no permit within {@code decode-wait} (default 2 s) is refused with
 *       <b>503</b> and {@code Retry-After} — the server is busy, not the client over a quota, so
 *       not 429. Worst-case decode memory per node: max-decodes × 128 MB.
 * </ol>
 *
 * The result is an RGB image whose longer edge is at most {@code max-edge}, on white.
 */
@Component
class PhotoDecoder {

  /** Busy: 503 with Retry-After (seconds). */
  static class Busy extends RuntimeException {
    Busy() {
      super("正在处理其他照片，请稍后重试");
    }
  }

  private static final Set<String> FORMATS = Set.of("jpeg", "png", "gif");

  private final long maxPixels;
  private final int maxEdge;
  private final Semaphore decodes;
  private final Duration wait;

  PhotoDecoder(
      @Value("${linli.intake.photos.max-pixels:40000000}") long maxPixels,
      @Value("${linli.intake.photos.max-edge:2048}") int maxEdge,
      @Value("${linli.intake.photos.max-decodes:2}") int maxDecodes,
      @Value("${linli.intake.photos.decode-wait:PT2S}") Duration wait) {
    this.maxPixels = maxPixels;
    this.maxEdge = maxEdge;
    this.decodes = new Semaphore(maxDecodes, true);
    this.wait = wait;
  }

  BufferedImage decode(byte[] upload) {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(upload))) {
      ImageReader reader = reader(in);
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        if (w <= 0 || h <= 0 || (long) w * h > maxPixels) {
          throw ApiError.invalid(
              "photo", String.format("图片尺寸过大（%d×%d），最多%d万像素", w, h, maxPixels / 10_000));
        }
        int step = Math.max(1, Math.max(w, h) / maxEdge);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage img = withPermit(() -> reader.read(0, param));
        return scaled(img);
      } finally {
        reader.dispose();
      }
    } catch (ApiError | Busy | CasePhotos.Refused e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new CasePhotos.Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "无法识别的图片");
    }
  }

  private static ImageReader reader(ImageInputStream in) {
    Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
    while (readers.hasNext()) {
      ImageReader r = readers.next();
      try {
        if (FORMATS.contains(r.getFormatName().toLowerCase(Locale.ROOT))) return r;
      } catch (IOException e) {
        // try the next reader
      }
      r.dispose();
    }
    throw new CasePhotos.Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "只能上传 JPEG、PNG 或 GIF 图片");
  }

  interface Decode {
    BufferedImage run() throws IOException;
  }

  BufferedImage withPermit(Decode decode) throws IOException {
    boolean permitted;
    try {
      permitted = decodes.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy();
    }
    if (!permitted) throw new Busy();
    try {
      return decode.run();
    } finally {
      decodes.release();
    }
  }

  private BufferedImage scaled(BufferedImage img) {
    double scale = Math.min(1.0, (double) maxEdge / Math.max(img.getWidth(), img.getHeight()));
    int w = Math.max(1, (int) Math.round(img.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(img.getHeight() * scale));
    BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = rgb.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, w, h);
    g.drawImage(img, 0, 0, w, h, null);
    g.dispose();
    return rgb;
  }
}
