package io.cherrypick;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.cherrypick.setup.AuditCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CherrypickApplication {
    /** The runtime; {@code audit} as the first argument runs the setup audit instead ({@link AuditCommand}). */
    public static void main(String[] args) {
        if (args.length > 0 && AuditCommand.COMMAND.equals(args[0])) {
            System.exit(AuditCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        SpringApplication.run(CherrypickApplication.class, args);
    }
}
