package id.go.dukcapil.ikd.verification.domain;

/** An image of a face as a provider of face comparison receives it: the selfie or the registry photo. */
public record FaceImage(String contentType, byte[] content) {
}
