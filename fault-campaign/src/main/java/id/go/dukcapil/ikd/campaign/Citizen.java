package id.go.dukcapil.ikd.campaign;

/** One resident of the synthetic registry, with contact details of their own, to be approved or rejected. */
record Citizen(int number, String nik, String email, String phone, boolean approve) {
}
