package io.cherrypick.outage;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class SystemOutagesH2Test extends AbstractSystemOutagesTest {
}
