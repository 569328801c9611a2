package id.go.dukcapil.ikd.events;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Machine-readable reason of a rejection; notification templates are chosen by it.
 * A reason added by a newer producer reads as {@link #OTHER} in an older consumer.
 */
public enum RejectionReason {
    /** The population registry (SIAK) has no such NIK. */
    NIK_NOT_FOUND,
    /** The registration does not match the registry or the KTP-el. */
    DATA_MISMATCH,
    /** The selfie or the person on camera is not the registry's photo. */
    FACE_MISMATCH,
    /** The citizen did not show the physical KTP-el. */
    KTP_EL_NOT_SHOWN,
    /** No biometric recording (perekaman) has been done yet. */
    NOT_RECORDED,
    /** The registry marks the NIK as deceased. */
    DECEASED,
    @JsonEnumDefaultValue
    OTHER
}
