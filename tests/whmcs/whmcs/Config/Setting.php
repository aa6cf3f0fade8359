<?php

declare(strict_types=1);

namespace WHMCS\Config;

use WhmcsSandbox\Sandbox;

/** WHMCS\Config\Setting: tblconfiguration by name. */
class Setting
{
    /** @return string|null null when the setting does not exist */
    public static function getValue($setting)
    {
        $settings = Sandbox::current()->settings();
        return $settings->has((string) $setting) ? $settings->get((string) $setting) : null;
    }

    public static function setValue($setting, $value)
    {
        Sandbox::current()->settings()->set((string) $setting, (string) $value);
    }
}
