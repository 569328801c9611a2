#!/bin/sh
# Runs once in the keys container: the suite's JWT pair, the notifier's sealing pair and the
# symmetric keys, in the keys volume, readable by the services' user (185). Kept across restarts;
# `docker compose down -v` removes them with the data they protect.
set -eu
cd /keys
if [ -f secrets.properties ]; then
  echo "keys exist"; exit 0
fi
pair() {
  openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$1-private.pem"
  openssl ec -in "$1-private.pem" -pubout -out "$1-public.pem"
}
pair jwt
pair notifier-sealing
key() { openssl rand -base64 32; }
cat > secrets.properties <<PROPERTIES
ikd.registration.selfie-key=$(key)
ikd.activation.hash-key=$(key)
ikd.verification.complaints.captcha-key=$(key)
ikd.video-call.stills.key=$(key)
ikd.app-pin.pepper=$(key)
ikd.pin-proof.key=$(key)
ikd.token.key-encryption-key=$(key)
PROPERTIES
chown 185:185 ./*
chmod 0400 ./*
echo "keys generated"
