#ifndef PLANC_HIREDIS_SHIM_H
#define PLANC_HIREDIS_SHIM_H
#include <hiredis/hiredis.h>
#endif
