<?php

declare(strict_types=1);

namespace WHMCS\User;

use Illuminate\Database\Eloquent\Model;

/** tblclients as an Eloquent model (stand-in for WHMCS's client model). */
class Client extends Model
{
    protected $table = 'tblclients';
    protected $guarded = ['id'];

    public function invoices()
    {
        return $this->hasMany(\WHMCS\Billing\Invoice::class, 'userid');
    }
}
