#ifndef PLANC_NATS_SHIM_H
#define PLANC_NATS_SHIM_H
#include <nats/nats.h>
#endif
