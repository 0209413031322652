package io.linli.intake;

import io.linli.system.Times;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;

/**
 * Photos of a case, in the case_photo table. An upload is accepted only if its first bytes are a
 * JPEG, PNG or GIF signature (415 otherwise, whatever the file name says) and it decodes; it is
 * then re-encoded as a JPEG from its pixels alone, so EXIF, GPS and any other metadata are gone.
 * Decoding is bounded in pixels, memory and concurrency ({@link PhotoDecoder}). At most {@code
 * linli.intake.photos.max-count} per case and {@code max-size} each (413).
 */
@Repository
public class CasePhotos {

  private final JdbcClient jdbc;
  private final int maxCount;
  private final DataSize maxSize;
  private final PhotoDecoder decoder;
  private final TransactionTemplate tx;

  CasePhotos(
      JdbcClient jdbc,
      PhotoDecoder decoder,
      PlatformTransactionManager transactions,
      @Value("${linli.intake.photos.max-count:3}") int maxCount,
      @Value("${linli.intake.photos.max-size:5MB}") DataSize maxSize) {
    this.jdbc = jdbc;
    this.decoder = decoder;
    this.tx = new TransactionTemplate(transactions);
    this.maxCount = maxCount;
    this.maxSize = maxSize;
  }

  public record Photo(long id, String contentType, int width, int height) {}

  /** Refused uploads: 413 too large or too many, 415 not an image. */
  public static class Refused extends ResponseStatusException {
    Refused(HttpStatus status, String reason) {
      super(status, reason);
    }
  }

  /**
   * Checks size and signature, decodes (bounded: {@link PhotoDecoder}) and re-encodes outside any
   * transaction, then counts and stores under the case's lock.
   */
  public Photo add(String flow, String caseNo, byte[] upload) {
    if (upload.length > maxSize.toBytes()) {
      throw new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "照片不能超过" + maxSize.toMegabytes() + "MB");
    }
    if (!looksLikeImage(upload))
      throw new Refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "只能上传 JPEG、PNG 或 GIF 图片");
    if (count(flow, caseNo) >= maxCount) throw tooMany();
    BufferedImage img = decoder.decode(upload);
    byte[] jpeg = reencode(img);
    return tx.execute(
        s -> {
          // Serialise uploads of one case so two at once cannot both pass the count.
          jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
              .param(flow + ":" + caseNo)
              .query()
              .singleRow();
          if (count(flow, caseNo) >= maxCount) throw tooMany();
          long id =
              jdbc.sql(
                      """
              insert into case_photo (flow, case_no, content_type, width, height, bytes, created_at)
              values (?, ?, 'image/jpeg', ?, ?, ?, ?) returning id""")
                  .params(
                      flow,
                      caseNo,
                      img.getWidth(),
                      img.getHeight(),
                      jpeg,
                      Timestamp.from(Times.now()))
                  .query(Long.class)
                  .single();
          return new Photo(id, "image/jpeg", img.getWidth(), img.getHeight());
        });
  }

  private long count(String flow, String caseNo) {
    return jdbc.sql("select count(*) from case_photo where flow = ? and case_no = ?")
        .params(flow, caseNo)
        .query(Long.class)
        .single();
  }

  private Refused tooMany() {
    return new Refused(HttpStatus.PAYLOAD_TOO_LARGE, "每个案件最多" + maxCount + "张照片");
  }

  public List<Photo> of(String flow, String caseNo) {
    return jdbc.sql(
            "select id, content_type, width, height from case_photo where flow = ? and case_no = ? order by id")
        .params(flow, caseNo)
        .query((rs, n) -> new Photo(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
        .list();
  }

  public byte[] bytes(String flow, String caseNo, long id) {
    return jdbc.sql("select bytes from case_photo where flow = ? and case_no = ? and id = ?")
        .params(flow, caseNo, id)
        .query(byte[].class)
        .optional()
        .orElse(null);
  }

  static boolean looksLikeImage(byte[] b) {
    boolean jpeg =
        b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF;
    boolean png =
        b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
    boolean gif = b.length > 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8';
    return jpeg || png || gif;
  }

  private static byte[] reencode(BufferedImage img) {
    try {
      ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(0.85f);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(ios);
        writer.write(null, new IIOImage(img, null, null), p);
      } finally {
        writer.dispose();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException("JPEG encoding failed", e);
    }
  }

  /** Retention (cases.CaseRetention): deletes every photo of the case. */
  public void deleteAll(String flow, String caseNo) {
    jdbc.sql("delete from case_photo where flow = ? and case_no = ?").params(flow, caseNo).update();
  }
}
