package dev.codearena.platform.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A minimal service on the platform: one aggregate with a deadline, one tracking projection. */
@SpringBootApplication
class ProbeApplication {
}
