#!/usr/bin/env bash
# Creates every Secret the IKD suite needs in a new cluster, with fresh random keys. Nothing is
# written to the repository; the key files live in a temporary folder that is removed on exit.
# A Secret that already exists is left alone (re-running never rotates a key by accident; to
# rotate, follow docs/operations.md, "Rotate keys").
#
# Needs: kubectl (pointed at the cluster), openssl. Values that come from outside (the SMTP and
# SMS gateways, the backup bucket, the TLS certificate) are read from the environment:
#   SMTP_HOST SMTP_PORT SMTP_USERNAME SMTP_PASSWORD   the mail relay notification-service sends through
#   SMS_URL SMS_TOKEN                                 the SMS gateway (bearer token)
#   S3_ACCESS_KEY_ID S3_SECRET_ACCESS_KEY             the bucket of the PostgreSQL backups
#   TLS_CERT TLS_KEY                                  PEM files of the public hosts' certificate
#                                                     (leave unset when cert-manager issues ikd-tls)
#   FACE_MATCH_API_KEY                                optional: the key of a remote face-match provider
#                                                     (ikd.verification.face-match.provider=remote)
# Usage: deploy/kubernetes/generate-secrets.sh [namespace]   (default: ikd)
set -euo pipefail
namespace="${1:-ikd}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
umask 077

need() { [ -n "${!1:-}" ] || { echo "set $1 (see the header of $0)" >&2; exit 1; }; }
for variable in SMTP_HOST SMTP_PORT SMTP_USERNAME SMTP_PASSWORD SMS_URL SMS_TOKEN S3_ACCESS_KEY_ID S3_SECRET_ACCESS_KEY; do
  need "$variable"
done

# apply_secret NAME [kubectl create secret generic options...]: creates it unless it exists.
apply_secret() {
  local name="$1"; shift
  if kubectl -n "$namespace" get secret "$name" >/dev/null 2>&1; then
    echo "kept    secret/$name (exists)"
  else
    kubectl -n "$namespace" create secret generic "$name" "$@" >/dev/null
    echo "created secret/$name"
  fi
}
key256() { openssl rand -base64 32; }
ec_pair() { # ec_pair PRIVATE PUBLIC: an ES256 (P-256) pair as PKCS#8 and SPKI PEM
  openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$1"
  openssl ec -in "$1" -pubout -out "$2" 2>/dev/null
}

kubectl get namespace "$namespace" >/dev/null 2>&1 || kubectl create namespace "$namespace"

# The suite's JWT pair: every service verifies with the public half; the issuers sign with the private half.
ec_pair "$work/jwt-private.pem" "$work/jwt-public.pem"
# The notifier's sealing pair: activation-service seals PINs to the public half, notification-service opens them.
ec_pair "$work/notifier-sealing-private.pem" "$work/notifier-sealing-public.pem"
if kubectl -n "$namespace" get secret ikd-jwt >/dev/null 2>&1 || kubectl -n "$namespace" get secret ikd-jwt-signing >/dev/null 2>&1; then
  echo "kept    secret/ikd-jwt and secret/ikd-jwt-signing (a pair: create or rotate both together)"
else
  apply_secret ikd-jwt --from-file=jwt-public.pem="$work/jwt-public.pem"
  apply_secret ikd-jwt-signing --from-file=jwt-private.pem="$work/jwt-private.pem"
fi
if kubectl -n "$namespace" get secret ikd-sealing >/dev/null 2>&1 || kubectl -n "$namespace" get secret ikd-notification-sealing >/dev/null 2>&1; then
  echo "kept    secret/ikd-sealing and secret/ikd-notification-sealing (a pair: create or rotate both together)"
else
  apply_secret ikd-sealing --from-file=notifier-sealing-public.pem="$work/notifier-sealing-public.pem"
  apply_secret ikd-notification-sealing --from-file=notifier-sealing-private.pem="$work/notifier-sealing-private.pem"
fi

apply_secret ikd-registration-service --from-literal=selfie-key="$(key256)"
apply_secret ikd-activation-service --from-literal=hash-key="$(key256)"
apply_secret ikd-verification-service --from-literal=complaint-captcha-key="$(key256)"
apply_secret ikd-token-service --from-literal=key-encryption-key="$(key256)"
apply_secret ikd-pin-proof --from-literal=key="$(key256)"
# seals the stills operators capture in video calls (a secret of its own, so an existing install gets it on a re-run)
apply_secret ikd-video-call-stills --from-literal=key="$(key256)"
apply_secret ikd-app-pin --from-literal=pepper="$(key256)"
# shared by verification-service (issues each video call's TURN credential) and coturn (checks it): turn/turn.yaml
apply_secret ikd-turn --from-literal=secret="$(key256)"
# the remote face-match provider's API key (Dukcapil's face recognition or a vendor's), only when one is used:
# docs/operations.md, "Face-match provider"
if [ -n "${FACE_MATCH_API_KEY:-}" ]; then
  apply_secret ikd-face-match --from-literal=api-key="$FACE_MATCH_API_KEY"
fi
apply_secret ikd-notification-service --from-literal=smtp-host="$SMTP_HOST" --from-literal=smtp-port="$SMTP_PORT" --from-literal=smtp-username="$SMTP_USERNAME" --from-literal=smtp-password="$SMTP_PASSWORD" --from-literal=sms-url="$SMS_URL" --from-literal=sms-token="$SMS_TOKEN"

# The database roles' passwords (CloudNativePG reads them; it does not create them).
for database in registration verification activation token notification; do
  apply_secret "ikd-db-$database" --type=kubernetes.io/basic-auth --from-literal=username="$database" --from-literal=password="$(openssl rand -hex 24)"
done

apply_secret ikd-backup-s3 --from-literal=ACCESS_KEY_ID="$S3_ACCESS_KEY_ID" --from-literal=ACCESS_SECRET_KEY="$S3_SECRET_ACCESS_KEY"

if [ -n "${TLS_CERT:-}" ] && [ -n "${TLS_KEY:-}" ]; then
  if kubectl -n "$namespace" get secret ikd-tls >/dev/null 2>&1; then
    echo "kept    secret/ikd-tls (exists)"
  else
    kubectl -n "$namespace" create secret tls ikd-tls --cert="$TLS_CERT" --key="$TLS_KEY" >/dev/null
    echo "created secret/ikd-tls"
  fi
else
  echo "skipped secret/ikd-tls: no TLS_CERT/TLS_KEY (let cert-manager issue it, docs/operations.md)"
fi
