<?php

declare(strict_types=1);

namespace WHMCS\Billing\Payment;

use Illuminate\Database\Eloquent\Model;

/** tblaccounts as an Eloquent model (stand-in). */
class Transaction extends Model
{
    protected $table = 'tblaccounts';
    public $timestamps = false;
    protected $guarded = ['id'];
}
