<?php

declare(strict_types=1);

namespace AcumulusConnect\Tests\Admin;

use PHPUnit\Framework\TestCase;
use WHMCS\Module\Addon\AcumulusConnect\Admin\Html;

final class HtmlTest extends TestCase
{
    public static function setUpBeforeClass(): void
    {
        if (!defined('WHMCS')) {
            define('WHMCS', true);
        }
        require_once dirname(__DIR__, 3) . '/modules/addons/acumulus_connect/lib/bootstrap.php';
    }

    public function testFillEscapesEveryValueAndTakesMarkupOnlyWhereAsked(): void
    {
        $name = '<script>alert(1)</script> & "Co" \'x\'';
        $html = Html::fill('<td title="{t}">{n}</td>{!raw}', ['t' => $name, 'n' => $name, 'raw' => '<b>ok</b>']);
        $this->assertSame('<td title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &apos;x&apos;">'
            . '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot; &apos;x&apos;</td><b>ok</b>', $html);
    }

    public function testAMissingValueIsAnErrorNotALiteral(): void
    {
        $this->expectException(\LogicException::class);
        Html::fill('<p>{missing}</p>', []);
    }

    public function testInvalidUtf8DoesNotEmptyTheValue(): void
    {
        $this->assertSame("ab\u{FFFD}c", Html::e("ab\xC3c"));
    }

    public function testJsonForScriptsHasNoHtmlSpecials(): void
    {
        $json = Html::json(['name' => '</script><script>alert(1)</script>&\'"']);
        $this->assertStringNotContainsString('<', $json);
        $this->assertStringNotContainsString('>', $json);
        $this->assertStringNotContainsString('&', $json);
        $this->assertStringNotContainsString("'", $json);
        $this->assertSame(['name' => '</script><script>alert(1)</script>&\'"'], json_decode($json, true));
    }

    public function testSelectMarksTheChosenOptionAndEscapes(): void
    {
        $html = Html::select('gw', ['a' => 'A & B', '"x' => 'X'], '"x');
        $this->assertStringContainsString('<option value="a">A &amp; B</option>', $html);
        $this->assertStringContainsString('<option value="&quot;x" selected>X</option>', $html);
    }
}
