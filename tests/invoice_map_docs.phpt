--TEST--
InvoiceMapper: docs/vat.md and docs/mapping.md match the code (rules, cases, settings, context keys, warning codes)
--EXTENSIONS--
acumulus
--INI--
; PCRE's JIT confuses valgrind (suite 30); these tests do not need it
pcre.jit=0
--FILE--
<?php
require __DIR__ . '/invoice_map.inc';

// the repository: scripts/test exports ACU_ROOT; the build directory is out/ext
$root = getenv('ACU_ROOT') ?: dirname(__DIR__, 3);
$vat = @file_get_contents("$root/docs/vat.md");
$mapping = @file_get_contents("$root/docs/mapping.md");
if ($vat === false || $mapping === false) {
    die("docs not found under $root\n");
}

// vat.md: one table row per rule of the code, each naming cases that land on it
preg_match_all('/^\| `([A-Z0-9-]+)` \|.*\| ([^|]+) \|$/m', $vat, $rows, PREG_SET_ORDER);
$docRules = [];
$problems = [];
foreach ($rows as [, $rule, $cases]) {
    $docRules[] = $rule;
    preg_match_all('/`([a-z0-9-]+)`/', $cases, $m);
    if ($m[1] === []) {
        $problems[] = "$rule: no case named";
    }
    foreach ($m[1] as $case) {
        $file = ACU_MAP_FIXTURES . "/vat/$case.json";
        if (!is_file($file)) {
            $problems[] = "$rule: no case $case";
            continue;
        }
        $r = acu_map_case(json_decode(file_get_contents($file), true));
        if (($r['vat']['rule'] ?? null) !== $rule) {
            $problems[] = "$rule: case $case lands on " . ($r['vat']['rule'] ?? 'nothing');
        }
    }
}
$codeRules = Acumulus\InvoiceMapper::vatRules();
echo 'vat.md rules: ', count($docRules), ', code rules: ', count($codeRules), "\n";
var_dump($docRules === $codeRules);
echo $problems === [] ? "every row's cases land on it\n" : implode("\n", $problems) . "\n";

// mapping.md: every setting the mapper reads, with its default, and no other
preg_match_all('/^\| `(acumulus_[A-Za-z_]+)` \| `([^`]*)`/m', $mapping, $m, PREG_SET_ORDER);
$documented = [];
foreach ($m as [, $key, $default]) {
    $documented[$key] = $default;
}
$defaults = Acumulus\InvoiceMapper::defaultSettings();
$documented = array_filter($documented, fn ($k) => !str_starts_with($k, 'acumulus_AccountNumber_'), ARRAY_FILTER_USE_KEY);
echo 'settings: ', count($defaults), ' in the code, ', count($documented), " in mapping.md\n";
foreach ($defaults as $k => $v) {
    if (!array_key_exists($k, $documented)) {
        echo "undocumented setting $k\n";
    } elseif ($documented[$k] !== $v) {
        echo "$k: mapping.md says default `{$documented[$k]}`, the code '$v'\n";
    }
}
foreach (array_diff_key($documented, $defaults) as $k => $v) {
    echo "mapping.md documents $k, which the code does not read\n";
}

// mapping.md: the context keys are the ones the code accepts
$src = file_get_contents("$root/invoice_map_php.c");
preg_match_all('/ACU_CSTR_IS\(key, "([A-Za-z0-9]+)"\)/', $src, $m);
$codeKeys = $m[1];
preg_match('/^## Context\n(.*?)^## /ms', $mapping, $section);
preg_match_all('/^\| `([A-Za-z0-9]+)` \|/m', $section[1] ?? '', $m);
sort($codeKeys);
$docKeys = $m[1];
sort($docKeys);
echo 'context keys: ', count($codeKeys), ' in the code, ', count($docKeys), " in mapping.md\n";
var_dump($codeKeys === $docKeys);

// mapping.md: every warning code of the C sources is documented
$codes = [];
foreach (['vat.c', 'invoice_map.c', 'invoice_map_php.c'] as $f) {
    preg_match_all('/acu_warn\([^,]+, "([a-z_.]+)"/', file_get_contents("$root/$f"), $m);
    $codes = array_merge($codes, $m[1]);
}
$codes = array_unique($codes);
$missing = [];
foreach ($codes as $code) {
    $short = str_starts_with($code, 'vat.') ? substr($code, 4) : null;
    if (!str_contains($mapping, "`$code`") && !($short !== null && str_contains($mapping, "`$short`"))) {
        $missing[] = $code;
    }
}
echo count($codes) > 25 ? "warning codes found in the sources\n" : "too few warning codes found\n";
echo $missing === [] ? "every warning code is documented\n" : 'undocumented: ' . implode(', ', $missing) . "\n";
?>
--EXPECT--
vat.md rules: 26, code rules: 26
bool(true)
every row's cases land on it
settings: 32 in the code, 32 in mapping.md
context keys: 14 in the code, 14 in mapping.md
bool(true)
warning codes found in the sources
every warning code is documented
