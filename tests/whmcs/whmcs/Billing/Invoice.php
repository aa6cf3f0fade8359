<?php

declare(strict_types=1);

namespace WHMCS\Billing;

use Illuminate\Database\Eloquent\Model;

/**
 * A light stand-in for WHMCS's invoice model (the `invoice` of InvoicePaid):
 * an Eloquent model over tblinvoices with its items and client. A real WHMCS
 * model has far more (relations, accessors, 9.x immutability).
 */
class Invoice extends Model
{
    protected $table = 'tblinvoices';
    protected $guarded = ['id'];

    public function items()
    {
        return $this->hasMany(Invoice\Item::class, 'invoiceid');
    }

    public function client()
    {
        return $this->belongsTo(\WHMCS\User\Client::class, 'userid');
    }

    public function transactions()
    {
        return $this->hasMany(\WHMCS\Billing\Payment\Transaction::class, 'invoiceid');
    }
}
