<?php

declare(strict_types=1);

namespace AcuSim;

/**
 * A real, small PDF 1.4 document: one A4 page of text lines in Helvetica
 * (WinAnsiEncoding), with a correct cross-reference table, so PDF readers and
 * `pdfinfo` accept it.
 */
final class Pdf
{
    /** @param list<string> $lines UTF-8 text lines */
    public static function document(string $title, array $lines): string
    {
        $ops = "BT\n/F1 16 Tf\n50 790 Td\n(" . self::str($title) . ") Tj\n/F1 10 Tf\n0 -28 Td\n";
        foreach (array_slice($lines, 0, 60) as $line) {
            $ops .= '(' . self::str($line) . ") Tj\n0 -13 Td\n";
        }
        $ops .= "ET\n";
        $objects = [
            '<< /Type /Catalog /Pages 2 0 R >>',
            '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
            '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]'
                . ' /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
            '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
            '<< /Length ' . strlen($ops) . " >>\nstream\n" . $ops . 'endstream',
            '<< /Title (' . self::str($title) . ') /Producer (Acumulus API simulator) >>',
        ];
        $pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
        $offsets = [];
        foreach ($objects as $i => $body) {
            $offsets[] = strlen($pdf);
            $pdf .= ($i + 1) . " 0 obj\n" . $body . "\nendobj\n";
        }
        $xref = strlen($pdf);
        $pdf .= "xref\n0 " . (count($objects) + 1) . "\n0000000000 65535 f \n";
        foreach ($offsets as $o) {
            $pdf .= sprintf("%010d 00000 n \n", $o);
        }
        $pdf .= 'trailer << /Size ' . (count($objects) + 1) . " /Root 1 0 R /Info 6 0 R >>\nstartxref\n$xref\n%%EOF\n";
        return $pdf;
    }

    /** A PDF string literal body: Windows-1252 bytes, with \ ( ) and control characters escaped. */
    private static function str(string $utf8): string
    {
        $bytes = @iconv('UTF-8', 'Windows-1252//TRANSLIT', $utf8);
        if ($bytes === false) {
            $bytes = preg_replace('/[^\x20-\x7E]/', '?', $utf8) ?? '';
        }
        $out = '';
        $n = strlen($bytes);
        for ($i = 0; $i < $n; $i++) {
            $c = $bytes[$i];
            $o = ord($c);
            if ($c === '\\' || $c === '(' || $c === ')') {
                $out .= '\\' . $c;
            } elseif ($o < 32 || $o === 127) {
                $out .= sprintf('\\%03o', $o);
            } else {
                $out .= $c;
            }
        }
        return $out;
    }
}
