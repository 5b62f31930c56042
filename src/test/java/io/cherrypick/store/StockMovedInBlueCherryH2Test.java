package io.cherrypick.store;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest
@ActiveProfiles("test")
class StockMovedInBlueCherryH2Test extends AbstractStockMovedInBlueCherryTest {
}
