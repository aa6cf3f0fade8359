<?php

declare(strict_types=1);

namespace WHMCS\Database;

/**
 * What addons know as WHMCS's Capsule: Laravel's Capsule manager (Debian's
 * php-illuminate-database) under WHMCS's class name. Static calls such as
 * Capsule::table(), Capsule::schema() and Capsule::connection() reach the
 * connection the sandbox set up (WhmcsSandbox\Db\Database::connect()).
 */
class Capsule extends \Illuminate\Database\Capsule\Manager
{
}
