package io.cherrypick.handoff;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class HandoffStoreH2Test extends AbstractHandoffStoreTest {
}
