package id.go.dukcapil.ikd.registration.service;

import id.go.dukcapil.ikd.registration.domain.CounterCode;

/** A counter code with the sequence it was signed with (only the highest is accepted). */
public record IssuedCode(CounterCode code, int sequence) {
}
