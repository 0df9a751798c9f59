/*
 * Functions mgtrack does not use, because each has a safer replacement in
 * this tree or in libc: include this header last in every .c file, and any
 * use becomes a compile error that names the banned function.
 * Replacements: snprintf or strbuf for sprintf/strcpy/strcat, util/parse.h
 * for atoi/atol/atof, strtok_r... is banned too: split by hand.
 */
#ifndef MG_BANNED_H
#define MG_BANNED_H

#define BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) BANNED(strcpy)
#undef strcat
#define strcat(x, y) BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) BANNED(strncpy)
#undef strncat
#define strncat(x, y, n) BANNED(strncat)
#undef sprintf
#define sprintf(...) BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) BANNED(vsprintf)
#undef strtok
#define strtok(x, y) BANNED(strtok)
#undef strtok_r
#define strtok_r(x, y, z) BANNED(strtok_r)
#undef gets
#define gets(x) BANNED(gets)
#undef atoi
#define atoi(x) BANNED(atoi)
#undef atol
#define atol(x) BANNED(atol)
#undef atof
#define atof(x) BANNED(atof)

#endif
