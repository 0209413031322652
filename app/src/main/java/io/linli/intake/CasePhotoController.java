package io.linli.intake;

import io.linli.system.ApiError;
import io.linli.system.TextInput;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /api/cases/{flow}/{caseNo}/photos?token=…}: the resident adds photos to their case (the
 * token comes with the intake answer and with tracking), and reads them back.
 */
@RestController
class CasePhotoController {

  private final CasePhotos photos;
  private final WatchTokens tokens;

  CasePhotoController(CasePhotos photos, WatchTokens tokens) {
    this.photos = photos;
    this.tokens = tokens;
  }

  @PostMapping(
      path = "/api/cases/{flow}/{caseNo}/photos",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<CasePhotos.Photo> add(
      @PathVariable String flow,
      @PathVariable String caseNo,
      @RequestParam String token,
      @RequestPart("photo") MultipartFile photo)
      throws IOException {
    String f = checked(flow, caseNo, token);
    // The name is not kept, but it is text a client sent: the one rule applies.
    TextInput.clean("photo", photo.getOriginalFilename());
    return ResponseEntity.status(HttpStatus.CREATED).body(photos.add(f, caseNo, photo.getBytes()));
  }

  @GetMapping("/api/cases/{flow}/{caseNo}/photos")
  List<CasePhotos.Photo> list(
      @PathVariable String flow, @PathVariable String caseNo, @RequestParam String token) {
    return photos.of(checked(flow, caseNo, token), caseNo);
  }

  @GetMapping(
      path = "/api/cases/{flow}/{caseNo}/photos/{id}.jpg",
      produces = MediaType.IMAGE_JPEG_VALUE)
  ResponseEntity<byte[]> get(
      @PathVariable String flow,
      @PathVariable String caseNo,
      @PathVariable long id,
      @RequestParam String token) {
    byte[] b = photos.bytes(checked(flow, caseNo, token), caseNo, id);
    if (b == null) throw ApiError.notFound("没有这张照片");
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_JPEG)
        .cacheControl(CacheControl.noStore())
        .body(b);
  }

  private String checked(String flow, String caseNo, String token) {
    String f = flow.toUpperCase(Locale.ROOT).replace('-', '_');
    if (!tokens.opens(flow, caseNo, token)) throw ApiError.notFound("没有这个案件：" + caseNo);
    return f;
  }
}
