<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Module\Addon\AcumulusConnect\Config;
use WHMCS\Module\Addon\AcumulusConnect\Extension;
use WHMCS\Module\Addon\AcumulusConnect\Lang;

/** The frame of every page of the addon: tabs, messages, the page's style and script. */
final class Layout
{
    /** @var list<array{0: string, 1: string}> level, text */
    private array $messages = [];

    public function __construct(private readonly string $link)
    {
    }

    /** The addon page's URL with parameters (raw; escape it when printing). */
    public function url(array $params = []): string
    {
        return Html::url($this->link, $params);
    }

    public function link(): string
    {
        return $this->link;
    }

    public function message(string $level, string $text): void
    {
        $this->messages[] = [$level, $text];
    }

    /** A page: the tabs with $tab active, the messages, then $body (HTML built with Html). */
    public function page(string $tab, string $body): string
    {
        $assets = '../modules/addons/acumulus_connect/assets/';
        $out = Html::fill('<link rel="stylesheet" href="{css}"><div class="acumulus-admin" id="acumulus-admin">', [
            'css' => $assets . 'admin.css?v=' . Config::VERSION,
        ]);
        $out .= '<ul class="nav nav-tabs acu-tabs" role="tablist">';
        foreach (['dashboard' => '', 'invoice' => 'invoice', 'batch' => 'batch', 'health' => 'health'] as $name => $action) {
            $out .= Html::fill('<li role="presentation"{!active}><a href="{href}" data-tab="{name}">{label}</a></li>', [
                'active' => $name === $tab ? ' class="active"' : '', 'href' => $this->url(['action' => $action]),
                'name' => $name, 'label' => Lang::t('tab_' . $name),
            ]);
        }
        $out .= '</ul><div class="acu-body">';
        $problem = Extension::problem();
        if ($problem !== null) {
            $out .= Html::fill('<div class="alert alert-danger"><strong>{t}</strong> {p}<pre>{steps}</pre></div>', [
                't' => Lang::t('extension_missing_title'), 'p' => $problem, 'steps' => implode("\n", Extension::installSteps()),
            ]);
        }
        foreach ($this->messages as [$level, $text]) {
            $out .= Html::fill('<div class="alert alert-{l} acu-message" role="alert">{t}</div>', ['l' => $level, 't' => $text]);
        }
        $out .= $body . '</div></div>';
        $out .= Html::fill('<script src="{js}"></script>', ['js' => $assets . 'admin.js?v=' . Config::VERSION]);
        return $out;
    }

    /** A POST form with the CSRF token; $fields are hidden fields, $inner the visible part (HTML). */
    public function form(string $action, array $fields, string $inner, string $class = 'acu-inline'): string
    {
        $out = Html::fill('<form method="post" action="{a}" class="{c}">', ['a' => $this->link, 'c' => $class])
            . Html::hidden('token', Access::token()) . Html::hidden('acumulus_action', $action);
        foreach ($fields as $name => $value) {
            $out .= Html::hidden((string) $name, $value);
        }
        return $out . $inner . '</form>';
    }

    /** A panel with a heading. */
    public static function panel(string $title, string $body, string $class = 'panel-default', string $extra = ''): string
    {
        return Html::fill('<div class="panel {c}"><div class="panel-heading"><h3 class="panel-title">{t}</h3>{!x}</div>{!b}</div>', [
            'c' => $class, 't' => $title, 'b' => $body, 'x' => $extra,
        ]);
    }
}
