/* This is a generated file, edit the .stub.php file instead.
 * Stub hash: 07ac69f4e80176b673e6e6a58a682d89622fed91 */

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Acumulus_Tags___construct, 0, 0, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_Tags_render, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, template, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, invoice, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, client, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, customFieldNames, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, maxLength, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_Tags_parse, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, template, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, flags, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

#define arginfo_class_Acumulus_Result___construct arginfo_class_Acumulus_Tags___construct

ZEND_BEGIN_ARG_INFO_EX(arginfo_class_Acumulus_Client___construct, 0, 0, 4)
	ZEND_ARG_TYPE_INFO(0, contractCode, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, username, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, password, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, application, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, options, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_call, 0, 1, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, endpoint, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, body, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_Client_callMany, 0, 1, IS_ARRAY, 0)
	ZEND_ARG_OBJ_TYPE_MASK(0, requests, Traversable, MAY_BE_ARRAY, NULL)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, concurrency, IS_LONG, 0, "4")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, progress, IS_CALLABLE, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_Client_requestXml, 0, 0, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, body, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_parseResponse, 0, 2, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, endpoint, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, body, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, httpStatus, IS_LONG, 0, "200")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_about, 0, 0, Acumulus\\Result, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_invoiceAdd, 0, 1, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, invoice, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_paymentStatusGet, 0, 1, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, token, IS_STRING, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_paymentStatusSet, 0, 2, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, token, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, paymentStatus, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, paymentDate, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_entryInfo, 0, 1, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, entryId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_entryDeleteStatusSet, 0, 2, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, entryId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, deleteStatus, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_entryUpdate, 0, 2, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, entryId, IS_LONG, 0)
	ZEND_ARG_TYPE_INFO(0, fields, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_invoiceMail, 0, 2, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, token, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, emailAsPdf, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, invoiceType, IS_LONG, 0, "0")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, invoiceNotes, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_conceptInfo, 0, 1, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, conceptId, IS_LONG, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_picklist, 0, 1, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, name, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, filters, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_vatInfo, 0, 1, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO(0, country, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, date, IS_STRING, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_OBJ_INFO_EX(arginfo_class_Acumulus_Client_thresholdReport, 0, 0, Acumulus\\Result, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, year, IS_LONG, 1, "null")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_Client_invoicePdfUrl, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, token, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, reminder, _IS_BOOL, 0, "false")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, graphics, _IS_BOOL, 0, "true")
ZEND_END_ARG_INFO()

#define arginfo_class_Acumulus_Planner___construct arginfo_class_Acumulus_Tags___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_Planner_plan, 0, 5, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, triggers, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, invoice, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, ledger, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, settings, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, context, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_Planner_contentHash, 0, 1, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, invoice, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

#define arginfo_class_Acumulus_InvoiceMapper___construct arginfo_class_Acumulus_Tags___construct

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_InvoiceMapper_map, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, invoice, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, client, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, settings, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, context, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_InvoiceMapper_creditNote, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, original, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, credit, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, settings, IS_ARRAY, 0, "[]")
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, context, IS_ARRAY, 0, "[]")
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_InvoiceMapper_defaultSettings, 0, 0, IS_ARRAY, 0)
ZEND_END_ARG_INFO()

ZEND_BEGIN_ARG_WITH_RETURN_TYPE_INFO_EX(arginfo_class_Acumulus_InvoiceMapper_vatRates, 0, 2, IS_ARRAY, 0)
	ZEND_ARG_TYPE_INFO(0, country, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO(0, date, IS_STRING, 0)
	ZEND_ARG_TYPE_INFO_WITH_DEFAULT_VALUE(0, vattype, IS_LONG, 0, "0")
ZEND_END_ARG_INFO()

#define arginfo_class_Acumulus_InvoiceMapper_vatRules arginfo_class_Acumulus_InvoiceMapper_defaultSettings


ZEND_METHOD(Acumulus_Tags, __construct);
ZEND_METHOD(Acumulus_Tags, render);
ZEND_METHOD(Acumulus_Tags, parse);
ZEND_METHOD(Acumulus_Result, __construct);
ZEND_METHOD(Acumulus_Client, __construct);
ZEND_METHOD(Acumulus_Client, call);
ZEND_METHOD(Acumulus_Client, callMany);
ZEND_METHOD(Acumulus_Client, requestXml);
ZEND_METHOD(Acumulus_Client, parseResponse);
ZEND_METHOD(Acumulus_Client, about);
ZEND_METHOD(Acumulus_Client, invoiceAdd);
ZEND_METHOD(Acumulus_Client, paymentStatusGet);
ZEND_METHOD(Acumulus_Client, paymentStatusSet);
ZEND_METHOD(Acumulus_Client, entryInfo);
ZEND_METHOD(Acumulus_Client, entryDeleteStatusSet);
ZEND_METHOD(Acumulus_Client, entryUpdate);
ZEND_METHOD(Acumulus_Client, invoiceMail);
ZEND_METHOD(Acumulus_Client, conceptInfo);
ZEND_METHOD(Acumulus_Client, picklist);
ZEND_METHOD(Acumulus_Client, vatInfo);
ZEND_METHOD(Acumulus_Client, thresholdReport);
ZEND_METHOD(Acumulus_Client, invoicePdfUrl);
ZEND_METHOD(Acumulus_Planner, __construct);
ZEND_METHOD(Acumulus_Planner, plan);
ZEND_METHOD(Acumulus_Planner, contentHash);
ZEND_METHOD(Acumulus_InvoiceMapper, __construct);
ZEND_METHOD(Acumulus_InvoiceMapper, map);
ZEND_METHOD(Acumulus_InvoiceMapper, creditNote);
ZEND_METHOD(Acumulus_InvoiceMapper, defaultSettings);
ZEND_METHOD(Acumulus_InvoiceMapper, vatRates);
ZEND_METHOD(Acumulus_InvoiceMapper, vatRules);


static const zend_function_entry class_Acumulus_Exception_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_InvalidArgumentException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_LengthException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_RuntimeException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_UnexpectedValueException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_Tags_methods[] = {
	ZEND_ME(Acumulus_Tags, __construct, arginfo_class_Acumulus_Tags___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Acumulus_Tags, render, arginfo_class_Acumulus_Tags_render, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_Tags, parse, arginfo_class_Acumulus_Tags_parse, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_CallException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_TransportException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_TlsException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_HttpException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_ResponseException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_AuthenticationException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_ApiException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_Result_methods[] = {
	ZEND_ME(Acumulus_Result, __construct, arginfo_class_Acumulus_Result___construct, ZEND_ACC_PRIVATE)
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_Client_methods[] = {
	ZEND_ME(Acumulus_Client, __construct, arginfo_class_Acumulus_Client___construct, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, call, arginfo_class_Acumulus_Client_call, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, callMany, arginfo_class_Acumulus_Client_callMany, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, requestXml, arginfo_class_Acumulus_Client_requestXml, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, parseResponse, arginfo_class_Acumulus_Client_parseResponse, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_Client, about, arginfo_class_Acumulus_Client_about, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, invoiceAdd, arginfo_class_Acumulus_Client_invoiceAdd, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, paymentStatusGet, arginfo_class_Acumulus_Client_paymentStatusGet, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, paymentStatusSet, arginfo_class_Acumulus_Client_paymentStatusSet, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, entryInfo, arginfo_class_Acumulus_Client_entryInfo, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, entryDeleteStatusSet, arginfo_class_Acumulus_Client_entryDeleteStatusSet, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, entryUpdate, arginfo_class_Acumulus_Client_entryUpdate, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, invoiceMail, arginfo_class_Acumulus_Client_invoiceMail, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, conceptInfo, arginfo_class_Acumulus_Client_conceptInfo, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, picklist, arginfo_class_Acumulus_Client_picklist, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, vatInfo, arginfo_class_Acumulus_Client_vatInfo, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, thresholdReport, arginfo_class_Acumulus_Client_thresholdReport, ZEND_ACC_PUBLIC)
	ZEND_ME(Acumulus_Client, invoicePdfUrl, arginfo_class_Acumulus_Client_invoicePdfUrl, ZEND_ACC_PUBLIC)
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_Planner_methods[] = {
	ZEND_ME(Acumulus_Planner, __construct, arginfo_class_Acumulus_Planner___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Acumulus_Planner, plan, arginfo_class_Acumulus_Planner_plan, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_Planner, contentHash, arginfo_class_Acumulus_Planner_contentHash, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_InvoiceDataException_methods[] = {
	ZEND_FE_END
};


static const zend_function_entry class_Acumulus_InvoiceMapper_methods[] = {
	ZEND_ME(Acumulus_InvoiceMapper, __construct, arginfo_class_Acumulus_InvoiceMapper___construct, ZEND_ACC_PRIVATE)
	ZEND_ME(Acumulus_InvoiceMapper, map, arginfo_class_Acumulus_InvoiceMapper_map, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_InvoiceMapper, creditNote, arginfo_class_Acumulus_InvoiceMapper_creditNote, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_InvoiceMapper, defaultSettings, arginfo_class_Acumulus_InvoiceMapper_defaultSettings, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_InvoiceMapper, vatRates, arginfo_class_Acumulus_InvoiceMapper_vatRates, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_ME(Acumulus_InvoiceMapper, vatRules, arginfo_class_Acumulus_InvoiceMapper_vatRules, ZEND_ACC_PUBLIC|ZEND_ACC_STATIC)
	ZEND_FE_END
};

static zend_class_entry *register_class_Acumulus_Exception(zend_class_entry *class_entry_Throwable)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "Exception", class_Acumulus_Exception_methods);
	class_entry = zend_register_internal_interface(&ce);
	zend_class_implements(class_entry, 1, class_entry_Throwable);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_InvalidArgumentException(zend_class_entry *class_entry_InvalidArgumentException, zend_class_entry *class_entry_Acumulus_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "InvalidArgumentException", class_Acumulus_InvalidArgumentException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_InvalidArgumentException);
	zend_class_implements(class_entry, 1, class_entry_Acumulus_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_LengthException(zend_class_entry *class_entry_LengthException, zend_class_entry *class_entry_Acumulus_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "LengthException", class_Acumulus_LengthException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_LengthException);
	zend_class_implements(class_entry, 1, class_entry_Acumulus_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_RuntimeException(zend_class_entry *class_entry_RuntimeException, zend_class_entry *class_entry_Acumulus_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "RuntimeException", class_Acumulus_RuntimeException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_RuntimeException);
	zend_class_implements(class_entry, 1, class_entry_Acumulus_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_UnexpectedValueException(zend_class_entry *class_entry_UnexpectedValueException, zend_class_entry *class_entry_Acumulus_Exception)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "UnexpectedValueException", class_Acumulus_UnexpectedValueException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_UnexpectedValueException);
	zend_class_implements(class_entry, 1, class_entry_Acumulus_Exception);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_Tags(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "Tags", class_Acumulus_Tags_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval const_NEWLINES_ESCAPED_value;
	ZVAL_LONG(&const_NEWLINES_ESCAPED_value, ACU_TAGS_NEWLINES_ESCAPED);
	zend_string *const_NEWLINES_ESCAPED_name = zend_string_init_interned("NEWLINES_ESCAPED", sizeof("NEWLINES_ESCAPED") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_NEWLINES_ESCAPED_name, &const_NEWLINES_ESCAPED_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_NEWLINES_ESCAPED_name);

	zval const_NEWLINES_TO_SPACE_value;
	ZVAL_LONG(&const_NEWLINES_TO_SPACE_value, ACU_TAGS_NEWLINES_TO_SPACE);
	zend_string *const_NEWLINES_TO_SPACE_name = zend_string_init_interned("NEWLINES_TO_SPACE", sizeof("NEWLINES_TO_SPACE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_NEWLINES_TO_SPACE_name, &const_NEWLINES_TO_SPACE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_NEWLINES_TO_SPACE_name);

	zval const_TABS_ESCAPED_value;
	ZVAL_LONG(&const_TABS_ESCAPED_value, ACU_TAGS_TABS_ESCAPED);
	zend_string *const_TABS_ESCAPED_name = zend_string_init_interned("TABS_ESCAPED", sizeof("TABS_ESCAPED") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TABS_ESCAPED_name, &const_TABS_ESCAPED_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TABS_ESCAPED_name);

	zval const_TABS_TO_SPACE_value;
	ZVAL_LONG(&const_TABS_TO_SPACE_value, ACU_TAGS_TABS_TO_SPACE);
	zend_string *const_TABS_TO_SPACE_name = zend_string_init_interned("TABS_TO_SPACE", sizeof("TABS_TO_SPACE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TABS_TO_SPACE_name, &const_TABS_TO_SPACE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TABS_TO_SPACE_name);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_CallException(zend_class_entry *class_entry_Acumulus_RuntimeException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "CallException", class_Acumulus_CallException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Acumulus_RuntimeException);
	class_entry->ce_flags |= ZEND_ACC_ABSTRACT;

	zval property_endpoint_default_value;
	ZVAL_UNDEF(&property_endpoint_default_value);
	zend_string *property_endpoint_name = zend_string_init("endpoint", sizeof("endpoint") - 1, 1);
	zend_declare_typed_property(class_entry, property_endpoint_name, &property_endpoint_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_endpoint_name);

	zval property_outcomeUnknown_default_value;
	ZVAL_UNDEF(&property_outcomeUnknown_default_value);
	zend_string *property_outcomeUnknown_name = zend_string_init("outcomeUnknown", sizeof("outcomeUnknown") - 1, 1);
	zend_declare_typed_property(class_entry, property_outcomeUnknown_name, &property_outcomeUnknown_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_outcomeUnknown_name);

	zval property_retryable_default_value;
	ZVAL_UNDEF(&property_retryable_default_value);
	zend_string *property_retryable_name = zend_string_init("retryable", sizeof("retryable") - 1, 1);
	zend_declare_typed_property(class_entry, property_retryable_name, &property_retryable_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_retryable_name);

	zval property_request_default_value;
	ZVAL_UNDEF(&property_request_default_value);
	zend_string *property_request_name = zend_string_init("request", sizeof("request") - 1, 1);
	zend_declare_typed_property(class_entry, property_request_name, &property_request_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_request_name);

	zval property_response_default_value;
	ZVAL_UNDEF(&property_response_default_value);
	zend_string *property_response_name = zend_string_init("response", sizeof("response") - 1, 1);
	zend_declare_typed_property(class_entry, property_response_name, &property_response_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_response_name);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_TransportException(zend_class_entry *class_entry_Acumulus_CallException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "TransportException", class_Acumulus_TransportException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Acumulus_CallException);

	zval property_sent_default_value;
	ZVAL_UNDEF(&property_sent_default_value);
	zend_string *property_sent_name = zend_string_init("sent", sizeof("sent") - 1, 1);
	zend_declare_typed_property(class_entry, property_sent_name, &property_sent_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_sent_name);

	zval property_curlCode_default_value;
	ZVAL_UNDEF(&property_curlCode_default_value);
	zend_string *property_curlCode_name = zend_string_init("curlCode", sizeof("curlCode") - 1, 1);
	zend_declare_typed_property(class_entry, property_curlCode_name, &property_curlCode_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_curlCode_name);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_TlsException(zend_class_entry *class_entry_Acumulus_TransportException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "TlsException", class_Acumulus_TlsException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Acumulus_TransportException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_HttpException(zend_class_entry *class_entry_Acumulus_CallException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "HttpException", class_Acumulus_HttpException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Acumulus_CallException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	zval property_httpStatus_default_value;
	ZVAL_UNDEF(&property_httpStatus_default_value);
	zend_string *property_httpStatus_name = zend_string_init("httpStatus", sizeof("httpStatus") - 1, 1);
	zend_declare_typed_property(class_entry, property_httpStatus_name, &property_httpStatus_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_httpStatus_name);

	zval property_retryAfter_default_value;
	ZVAL_UNDEF(&property_retryAfter_default_value);
	zend_string *property_retryAfter_name = zend_string_init("retryAfter", sizeof("retryAfter") - 1, 1);
	zend_declare_typed_property(class_entry, property_retryAfter_name, &property_retryAfter_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG|MAY_BE_NULL));
	zend_string_release(property_retryAfter_name);

	zval property_location_default_value;
	ZVAL_UNDEF(&property_location_default_value);
	zend_string *property_location_name = zend_string_init("location", sizeof("location") - 1, 1);
	zend_declare_typed_property(class_entry, property_location_name, &property_location_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_location_name);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_ResponseException(zend_class_entry *class_entry_Acumulus_CallException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "ResponseException", class_Acumulus_ResponseException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Acumulus_CallException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	zval const_EMPTY_BODY_value;
	ZVAL_LONG(&const_EMPTY_BODY_value, ACU_RESPONSE_EMPTY_BODY);
	zend_string *const_EMPTY_BODY_name = zend_string_init_interned("EMPTY_BODY", sizeof("EMPTY_BODY") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_EMPTY_BODY_name, &const_EMPTY_BODY_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_EMPTY_BODY_name);

	zval const_HTML_PAGE_value;
	ZVAL_LONG(&const_HTML_PAGE_value, ACU_RESPONSE_HTML_PAGE);
	zend_string *const_HTML_PAGE_name = zend_string_init_interned("HTML_PAGE", sizeof("HTML_PAGE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_HTML_PAGE_name, &const_HTML_PAGE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_HTML_PAGE_name);

	zval const_NOT_XML_value;
	ZVAL_LONG(&const_NOT_XML_value, ACU_RESPONSE_NOT_XML);
	zend_string *const_NOT_XML_name = zend_string_init_interned("NOT_XML", sizeof("NOT_XML") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_NOT_XML_name, &const_NOT_XML_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_NOT_XML_name);

	zval const_NOT_A_RESPONSE_value;
	ZVAL_LONG(&const_NOT_A_RESPONSE_value, ACU_RESPONSE_NOT_A_RESPONSE);
	zend_string *const_NOT_A_RESPONSE_name = zend_string_init_interned("NOT_A_RESPONSE", sizeof("NOT_A_RESPONSE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_NOT_A_RESPONSE_name, &const_NOT_A_RESPONSE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_NOT_A_RESPONSE_name);

	zval const_BAD_STATUS_value;
	ZVAL_LONG(&const_BAD_STATUS_value, ACU_RESPONSE_BAD_STATUS);
	zend_string *const_BAD_STATUS_name = zend_string_init_interned("BAD_STATUS", sizeof("BAD_STATUS") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_BAD_STATUS_name, &const_BAD_STATUS_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_BAD_STATUS_name);

	zval const_TOO_LARGE_value;
	ZVAL_LONG(&const_TOO_LARGE_value, ACU_RESPONSE_TOO_LARGE);
	zend_string *const_TOO_LARGE_name = zend_string_init_interned("TOO_LARGE", sizeof("TOO_LARGE") - 1, 1);
	zend_declare_class_constant_ex(class_entry, const_TOO_LARGE_name, &const_TOO_LARGE_value, ZEND_ACC_PUBLIC, NULL);
	zend_string_release(const_TOO_LARGE_name);

	zval property_httpStatus_default_value;
	ZVAL_UNDEF(&property_httpStatus_default_value);
	zend_string *property_httpStatus_name = zend_string_init("httpStatus", sizeof("httpStatus") - 1, 1);
	zend_declare_typed_property(class_entry, property_httpStatus_name, &property_httpStatus_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_httpStatus_name);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_AuthenticationException(zend_class_entry *class_entry_Acumulus_CallException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "AuthenticationException", class_Acumulus_AuthenticationException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Acumulus_CallException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	zval property_httpStatus_default_value;
	ZVAL_UNDEF(&property_httpStatus_default_value);
	zend_string *property_httpStatus_name = zend_string_init("httpStatus", sizeof("httpStatus") - 1, 1);
	zend_declare_typed_property(class_entry, property_httpStatus_name, &property_httpStatus_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_httpStatus_name);

	zend_string *property_result_class_Acumulus_Result = zend_string_init("Acumulus\\Result", sizeof("Acumulus\\Result")-1, 1);
	zval property_result_default_value;
	ZVAL_UNDEF(&property_result_default_value);
	zend_string *property_result_name = zend_string_init("result", sizeof("result") - 1, 1);
	zend_declare_typed_property(class_entry, property_result_name, &property_result_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_result_class_Acumulus_Result, 0, MAY_BE_NULL));
	zend_string_release(property_result_name);

	zval property_errors_default_value;
	ZVAL_UNDEF(&property_errors_default_value);
	zend_string *property_errors_name = zend_string_init("errors", sizeof("errors") - 1, 1);
	zend_declare_typed_property(class_entry, property_errors_name, &property_errors_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_errors_name);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_ApiException(zend_class_entry *class_entry_Acumulus_CallException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "ApiException", class_Acumulus_ApiException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Acumulus_CallException);
	class_entry->ce_flags |= ZEND_ACC_FINAL;

	zend_string *property_result_class_Acumulus_Result = zend_string_init("Acumulus\\Result", sizeof("Acumulus\\Result")-1, 1);
	zval property_result_default_value;
	ZVAL_UNDEF(&property_result_default_value);
	zend_string *property_result_name = zend_string_init("result", sizeof("result") - 1, 1);
	zend_declare_typed_property(class_entry, property_result_name, &property_result_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_CLASS(property_result_class_Acumulus_Result, 0, 0));
	zend_string_release(property_result_name);

	zval property_status_default_value;
	ZVAL_UNDEF(&property_status_default_value);
	zend_string *property_status_name = zend_string_init("status", sizeof("status") - 1, 1);
	zend_declare_typed_property(class_entry, property_status_name, &property_status_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_status_name);

	zval property_errors_default_value;
	ZVAL_UNDEF(&property_errors_default_value);
	zend_string *property_errors_name = zend_string_init("errors", sizeof("errors") - 1, 1);
	zend_declare_typed_property(class_entry, property_errors_name, &property_errors_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_errors_name);

	zval property_warnings_default_value;
	ZVAL_UNDEF(&property_warnings_default_value);
	zend_string *property_warnings_name = zend_string_init("warnings", sizeof("warnings") - 1, 1);
	zend_declare_typed_property(class_entry, property_warnings_name, &property_warnings_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_warnings_name);

	zval property_notFound_default_value;
	ZVAL_UNDEF(&property_notFound_default_value);
	zend_string *property_notFound_name = zend_string_init("notFound", sizeof("notFound") - 1, 1);
	zend_declare_typed_property(class_entry, property_notFound_name, &property_notFound_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_notFound_name);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_Result(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "Result", class_Acumulus_Result_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	zval property_endpoint_default_value;
	ZVAL_UNDEF(&property_endpoint_default_value);
	zend_string *property_endpoint_name = zend_string_init("endpoint", sizeof("endpoint") - 1, 1);
	zend_declare_typed_property(class_entry, property_endpoint_name, &property_endpoint_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_endpoint_name);

	zval property_status_default_value;
	ZVAL_UNDEF(&property_status_default_value);
	zend_string *property_status_name = zend_string_init("status", sizeof("status") - 1, 1);
	zend_declare_typed_property(class_entry, property_status_name, &property_status_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_status_name);

	zval property_httpStatus_default_value;
	ZVAL_UNDEF(&property_httpStatus_default_value);
	zend_string *property_httpStatus_name = zend_string_init("httpStatus", sizeof("httpStatus") - 1, 1);
	zend_declare_typed_property(class_entry, property_httpStatus_name, &property_httpStatus_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_httpStatus_name);

	zval property_errors_default_value;
	ZVAL_UNDEF(&property_errors_default_value);
	zend_string *property_errors_name = zend_string_init("errors", sizeof("errors") - 1, 1);
	zend_declare_typed_property(class_entry, property_errors_name, &property_errors_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_errors_name);

	zval property_warnings_default_value;
	ZVAL_UNDEF(&property_warnings_default_value);
	zend_string *property_warnings_name = zend_string_init("warnings", sizeof("warnings") - 1, 1);
	zend_declare_typed_property(class_entry, property_warnings_name, &property_warnings_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_warnings_name);

	zval property_mainKey_default_value;
	ZVAL_UNDEF(&property_mainKey_default_value);
	zend_string *property_mainKey_name = zend_string_init("mainKey", sizeof("mainKey") - 1, 1);
	zend_declare_typed_property(class_entry, property_mainKey_name, &property_mainKey_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING|MAY_BE_NULL));
	zend_string_release(property_mainKey_name);

	zval property_main_default_value;
	ZVAL_UNDEF(&property_main_default_value);
	zend_string *property_main_name = zend_string_init("main", sizeof("main") - 1, 1);
	zend_declare_typed_property(class_entry, property_main_name, &property_main_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_main_name);

	zval property_data_default_value;
	ZVAL_UNDEF(&property_data_default_value);
	zend_string *property_data_name = zend_string_init("data", sizeof("data") - 1, 1);
	zend_declare_typed_property(class_entry, property_data_name, &property_data_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_ARRAY));
	zend_string_release(property_data_name);

	zval property_testMode_default_value;
	ZVAL_UNDEF(&property_testMode_default_value);
	zend_string *property_testMode_name = zend_string_init("testMode", sizeof("testMode") - 1, 1);
	zend_declare_typed_property(class_entry, property_testMode_name, &property_testMode_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_BOOL));
	zend_string_release(property_testMode_name);

	zval property_request_default_value;
	ZVAL_UNDEF(&property_request_default_value);
	zend_string *property_request_name = zend_string_init("request", sizeof("request") - 1, 1);
	zend_declare_typed_property(class_entry, property_request_name, &property_request_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_request_name);

	zval property_response_default_value;
	ZVAL_UNDEF(&property_response_default_value);
	zend_string *property_response_name = zend_string_init("response", sizeof("response") - 1, 1);
	zend_declare_typed_property(class_entry, property_response_name, &property_response_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_response_name);

	zval property_elapsedUs_default_value;
	ZVAL_UNDEF(&property_elapsedUs_default_value);
	zend_string *property_elapsedUs_name = zend_string_init("elapsedUs", sizeof("elapsedUs") - 1, 1);
	zend_declare_typed_property(class_entry, property_elapsedUs_name, &property_elapsedUs_default_value, ZEND_ACC_PUBLIC|ZEND_ACC_READONLY, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_LONG));
	zend_string_release(property_elapsedUs_name);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_Client(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "Client", class_Acumulus_Client_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;


	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 0, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 1, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	zend_add_parameter_attribute(zend_hash_str_find_ptr(&class_entry->function_table, "__construct", sizeof("__construct") - 1), 2, ZSTR_KNOWN(ZEND_STR_SENSITIVEPARAMETER), 0);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_Planner(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "Planner", class_Acumulus_Planner_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_InvoiceDataException(zend_class_entry *class_entry_Acumulus_InvalidArgumentException)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "InvoiceDataException", class_Acumulus_InvoiceDataException_methods);
	class_entry = zend_register_internal_class_ex(&ce, class_entry_Acumulus_InvalidArgumentException);

	zval property_invoiceId_default_value;
	ZVAL_EMPTY_STRING(&property_invoiceId_default_value);
	zend_string *property_invoiceId_name = zend_string_init("invoiceId", sizeof("invoiceId") - 1, 1);
	zend_declare_typed_property(class_entry, property_invoiceId_name, &property_invoiceId_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_invoiceId_name);

	zval property_field_default_value;
	ZVAL_EMPTY_STRING(&property_field_default_value);
	zend_string *property_field_name = zend_string_init("field", sizeof("field") - 1, 1);
	zend_declare_typed_property(class_entry, property_field_name, &property_field_default_value, ZEND_ACC_PUBLIC, NULL, (zend_type) ZEND_TYPE_INIT_MASK(MAY_BE_STRING));
	zend_string_release(property_field_name);

	return class_entry;
}

static zend_class_entry *register_class_Acumulus_InvoiceMapper(void)
{
	zend_class_entry ce, *class_entry;

	INIT_NS_CLASS_ENTRY(ce, "Acumulus", "InvoiceMapper", class_Acumulus_InvoiceMapper_methods);
	class_entry = zend_register_internal_class_ex(&ce, NULL);
	class_entry->ce_flags |= ZEND_ACC_FINAL|ZEND_ACC_NO_DYNAMIC_PROPERTIES|ZEND_ACC_NOT_SERIALIZABLE;

	return class_entry;
}
