package io.cherrypick.ops;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's address: {@code /ops} serves the page in {@code static/ops/}, which reads the JSON API. */
@Controller
public class OpsConsoleController {
    @GetMapping({"/ops", "/ops/"})
    public String console() {
        return "forward:/ops/index.html";
    }
}
