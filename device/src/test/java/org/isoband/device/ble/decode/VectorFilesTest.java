package org.isoband.device.ble.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every vector file is read by some decoder test, and every file is well formed. */
class VectorFilesTest {
    /** The formats the decoder tests of this package check; a file of any other format would go untested. */
    private static final Set<String> TESTED_FORMATS = Set.of("isoband-stream", "isoband-command",
            "isoband-response", "sig-force", "progressor-data-point", "wh-c06-manufacturer-data",
            "force-board-force-data", "cts500-frame");

    @Test
    void everyFileHasAFormatThatATestChecks() {
        List<VectorFile> files = VectorFile.all();
        Set<String> formats = files.stream().map(VectorFile::format).collect(Collectors.toSet());
        assertThat(formats).as("formats found in %s", VectorFile.DIRECTORY.toAbsolutePath())
                .isEqualTo(TESTED_FORMATS);
    }

    @Test
    void everyVectorHasBytesAndEitherDecodedFieldsOrAnError() {
        for (VectorFile file : VectorFile.all()) {
            assertThat(file.vectors()).as(file.path().toString()).isNotEmpty();
            Set<String> names = new HashSet<>();
            for (VectorFile.Vector v : file.vectors()) {
                assertThat(names.add(v.name())).as("%s: duplicate vector name %s", file.path(), v.name()).isTrue();
                assertThat(v.decoded() == null).as("%s: %s needs exactly one of decoded and error", file.path(),
                        v.name()).isNotEqualTo(v.error() == null);
            }
        }
    }
}
