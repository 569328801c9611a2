package id.go.dukcapil.ikd.notification;

import id.go.dukcapil.ikd.testing.ArchitectureContract;

/** The platform's package rules, applied to this service's main code. */
class ArchitectureTest extends ArchitectureContract {

    @Override
    protected String basePackage() {
        return "id.go.dukcapil.ikd.notification";
    }
}
