package io.linli.staffdesk;

import io.linli.intake.CasePhotos;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * A case's photos side by side in one JPEG, each scaled to {@value #HEIGHT} pixels high, so a task
 * form shows them all with one image whatever their number (Camunda Forms cannot loop over a list
 * the form does not have). The photos were decoded and re-encoded at upload, so they are bounded
 * and metadata-free.
 */
@Component
class PhotoSheet {

  static final int HEIGHT = 320;
  static final int GAP = 8;

  private final CasePhotos photos;

  PhotoSheet(CasePhotos photos) {
    this.photos = photos;
  }

  /** The sheet of the case's photos; null when it has none. */
  byte[] of(String flow, String caseNo) {
    String f = flow.toUpperCase(Locale.ROOT).replace('-', '_'); // as the photo API stores it
    List<BufferedImage> scaled = new ArrayList<>();
    for (CasePhotos.Photo p : photos.of(f, caseNo)) {
      byte[] bytes = photos.bytes(f, caseNo, p.id());
      if (bytes == null) continue;
      try {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        if (img != null) scaled.add(scale(img));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    if (scaled.isEmpty()) return null;
    int width = scaled.stream().mapToInt(BufferedImage::getWidth).sum() + GAP * (scaled.size() - 1);
    BufferedImage sheet = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, HEIGHT);
    int x = 0;
    for (BufferedImage img : scaled) {
      g.drawImage(img, x, 0, null);
      x += img.getWidth() + GAP;
    }
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(sheet, "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage scale(BufferedImage img) {
    int w = Math.max(1, (int) Math.round(img.getWidth() * (double) HEIGHT / img.getHeight()));
    w = Math.min(w, HEIGHT * 3); // a panorama stays readable, not a strip
    BufferedImage out = new BufferedImage(w, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(img, 0, 0, w, HEIGHT, null);
    g.dispose();
    return out;
  }
}
