package io.cherrypick.catalog;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class ItemsRememberedH2Test extends AbstractItemsRememberedTest {
}
